package io.chartersync.console;

import java.util.List;

/**
 * The board: the week from {@code from} on the marina's clock, one lane per boat with charters in it, each
 * lane the seven days with their charters. {@code self} is the address it was drawn from (polled by htmx,
 * and the Refresh link without JavaScript), {@code drawnAt} when.
 */
public record BoardPage(
        Shell shell,
        String range,
        String self,
        String previous,
        String next,
        String thisWeek,
        boolean showsToday,
        String drawnAt,
        List<Lane> lanes) {

    /** A boat's lane: its name, and the seven days. */
    public record Lane(String boat, List<Day> days) {}

    /** A day in a lane and its charters, earliest first. */
    public record Day(String label, boolean today, List<Cards> charters) {}
}
