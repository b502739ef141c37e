package io.tsstudio.testkit.synthetic.vm;

/** A view may use the scene graph: no violation. */
public class ShapeView {
    private javafx.scene.paint.Color fill;

    public Object fill() {
        return fill;
    }
}
