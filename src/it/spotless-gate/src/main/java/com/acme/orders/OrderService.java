package com.acme.orders;

import java.time.Clock;
import java.time.LocalDate;

/** Confirms orders, numbering them within the year in the order they come in. */
public final class OrderService {

    private final Clock clock;
    private int year;
    private long sequence;

    /**
     * A service whose orders are dated by a clock.
     *
     * @param clock the shop's clock
     */
    public OrderService(Clock clock) {
        this.clock = clock;
    }

    /**
     * Confirms an order: it gets the year's next number.
     *
     * @param customer who placed it
     * @return the confirmed order
     */
    public synchronized Order confirm(String customer) {
        int now = LocalDate.now(clock).getYear();
        if (now != year) {
            year = now;
            sequence = 0;
        }
        sequence++;
        return new Order(OrderNumbers.format(year, sequence), customer);
    }
}
