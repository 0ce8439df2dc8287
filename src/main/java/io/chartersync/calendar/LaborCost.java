package io.chartersync.calendar;

import java.math.BigDecimal;
import java.util.List;

/** Planned crew cost of an entry: count × hourly rate × hours, per role and in total (operator only). */
record LaborCost(List<Role> perRole, BigDecimal total) {

    public LaborCost {
        perRole = List.copyOf(perRole);
    }

    record Role(String role, int count, BigDecimal hourlyRate, BigDecimal hours, BigDecimal cost) {}

    static LaborCost of(List<CalendarPort.Assignment> assignments, BigDecimal hours) {
        List<Role> roles = assignments.stream()
                .map(a -> new Role(
                        a.role(),
                        a.count(),
                        a.hourlyRate(),
                        hours,
                        a.hourlyRate()
                                .multiply(BigDecimal.valueOf(a.count()))
                                .multiply(hours)
                                .stripTrailingZeros()))
                .toList();
        BigDecimal total = roles.stream().map(Role::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new LaborCost(roles, total.stripTrailingZeros());
    }
}
