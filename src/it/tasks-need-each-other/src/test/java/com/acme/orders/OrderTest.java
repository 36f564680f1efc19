package com.acme.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OrderTest {

    @Test
    void linesKnowTheirOrderAndPlace() {
        Order order = new Order("A-1001");
        OrderLine mugs = order.addLine("MUG-BLUE", 2, 845);
        OrderLine tea = order.addLine("TEA-EARL", 1, 499);
        assertSame(order, mugs.order());
        assertEquals(1, mugs.position());
        assertEquals(2, tea.position());
        assertEquals(2189, order.totalCents());
    }

    @Test
    void refusesAnEmptyLine() {
        assertThrows(IllegalArgumentException.class, () -> new Order("A-1002").addLine("MUG-BLUE", 0, 845));
    }
}
