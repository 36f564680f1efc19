package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShapesTest {

    @Test
    void measuresEachShape() {
        Shape circle = new Circle(1);
        Shape square = new Square(2);
        assertEquals(Math.PI, circle.area(), 1e-9);
        assertEquals(4, square.area(), 1e-9);
    }
}
