package io.chartersync.guestpage;

import java.util.List;
import java.util.Optional;

/**
 * A boat as the console shows and edits it: the name it is shown by, what its guests should bring ({@code
 * ownList}: its own list; else the default one), where guests meet it and an https link to a map of that place.
 */
public record BoatProfile(
        String name,
        List<String> whatToBring,
        boolean ownList,
        Optional<String> meetingPoint,
        Optional<String> mapUrl) {
    public BoatProfile {
        whatToBring = List.copyOf(whatToBring);
    }
}
