package io.chartersync.crew;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** Builds the crew-facing views from stored events and links. */
final class Views {
    private Views() {}

    static CrewView crewView(Handle h, LinkStore links, StoredEvent e, Link link, CrewMember member) {
        return crewView(e, link, member, links.findTeammates(h, e.id(), e.version()));
    }

    static CrewView crewView(StoredEvent e, Link link, CrewMember member, List<CrewView.Teammate> crew) {
        return new CrewView(
                e.id().toString(),
                e.eventName(),
                e.boat(),
                e.localStart(),
                e.durationHours(),
                e.location(),
                member.name(),
                link.role(),
                link.hourlyRate(),
                e.notes(),
                e.guestName(),
                e.partySize(),
                e.guestPageUrl() == null ? "" : e.guestPageUrl(),
                e.cancelled(),
                link.revokedAt().isPresent() && !e.cancelled(),
                e.version(),
                link.currentAnswer(e.version()),
                crew);
    }

    static EventView eventView(Handle h, LinkStore links, StoredEvent e) {
        List<Link> live = links.findLive(h, e.id());
        List<EventView.Assignment> assignments = live.stream()
                .map(l -> new EventView.Assignment(
                        l.memberId(),
                        l.role(),
                        CrewAnswer.statusOf(l.currentAnswer(e.version())),
                        l.answeredVersion().filter(v -> v < e.version()).isPresent()))
                .toList();
        return new EventView(
                e.id().toString(),
                e.eventName(),
                e.boat(),
                e.startsAt(),
                e.zone().getId(),
                e.durationHours(),
                e.location(),
                e.notes(),
                e.guestPageUrl(),
                e.captainId().orElse(null),
                live.stream()
                        .filter(l -> !"captain".equalsIgnoreCase(l.role()))
                        .map(Link::memberId)
                        .toList(),
                e.cancelled() ? "cancelled" : "active",
                e.version(),
                assignments);
    }
}
