package io.tsstudio.testkit.synthetic.vm;

/** A deliberate violation: a view model holding a scene-graph colour. */
public class ShapeViewModel {
    private javafx.scene.paint.Color fill;

    public Object fill() {
        return fill;
    }
}
