package io.tsstudio.ui.graph.render;

import io.tsstudio.ui.observe.ObservationIndex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Node text stays readable on the time heat and compare tints, which are the same colours in both themes. */
class NodeInkTest {
    /** A dark theme as the dark sheet gives it: light text on dark fills. */
    private static final GraphStyle DARK = GraphStyle.of(r -> switch (r) {
        case TEXT -> 0xFFE4E7EB;
        case SUBTEXT -> 0xFF9AA5B1;
        case MODULE_FILL -> 0xFF3B3424;
        default -> 0xFF222831;
    });

    @Test
    void onItsOwnFillANodeUsesTheThemesText() {
        ScenePainter p = new ScenePainter();
        p.setStyle(DARK);
        assertEquals(0xFFE4E7EB, p.ink(0xFF3B3424, 0xFF3B3424, GraphStyle.Role.TEXT));
        assertEquals(0xFF9AA5B1, p.ink(0xFF3B3424, 0xFF3B3424, GraphStyle.Role.SUBTEXT));
    }

    @Test
    void onPaleHeatTextIsDarkAndOnDeepHeatLightWhateverTheTheme() {
        for (GraphStyle style : new GraphStyle[] {GraphStyle.LIGHT, DARK}) {
            ScenePainter p = new ScenePainter();
            p.setStyle(style);
            int own = style.color(GraphStyle.Role.MODULE_FILL);
            // a node that took little of the run: the pale end of the ramp
            assertEquals(ScenePainter.INK_ON_PALE, p.ink(ObservationIndex.heat(0.01), own, GraphStyle.Role.TEXT));
            assertEquals(ScenePainter.INK_ON_PALE_SUB, p.ink(ObservationIndex.heat(0.01), own, GraphStyle.Role.SUBTEXT));
            // the node that took the whole run: the deep red end
            assertEquals(ScenePainter.INK_ON_DEEP, p.ink(ObservationIndex.heat(1.0), own, GraphStyle.Role.TEXT));
        }
    }

    @Test
    void aTranslucentTintKeepsTheThemesTextBecauseTheCanvasShowsThrough() {
        ScenePainter p = new ScenePainter();
        p.setStyle(DARK);
        assertEquals(0xFFE4E7EB, p.ink(0x40FFFFFF, 0xFF3B3424, GraphStyle.Role.TEXT));
    }
}
