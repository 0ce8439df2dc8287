package io.chartersync.crew;

import io.chartersync.common.AppException;
import io.chartersync.common.WireForm;
import java.util.Optional;

/**
 * A crew member's answer to a charter, with every form it takes in one place: {@link #wire()} is what
 * the page's form and the JSON body send, what {@code crew_link.answer} stores and what the audit log
 * records; {@link #status()} is how the crew API, the emails and the page list it; {@link #yours()} is
 * the member's own line on their page. Public because {@link CrewView} (a template model) carries it.
 */
public enum CrewAnswer implements WireForm {
    CONFIRM("confirm", "confirmed", "You confirmed"),
    DECLINE("decline", "declined", "You declined");

    /** {@link #status()} of a member who has not answered the event's current version. */
    static final String NO_STATUS = "awaiting answer";

    /** {@link #yours()} of a member who has not answered the event's current version. */
    static final String NOT_YOURS_YET = "You have not answered yet";

    private final String wire;
    private final String status;
    private final String yours;

    CrewAnswer(String wire, String status, String yours) {
        this.wire = wire;
        this.status = status;
        this.yours = yours;
    }

    @Override
    public String wire() {
        return wire;
    }

    String status() {
        return status;
    }

    String yours() {
        return yours;
    }

    /** The answer a request sent, exactly as spelled on the wire; anything else is a 400 naming the field. */
    static CrewAnswer parse(String wire) {
        return fromWire(wire).orElseThrow(() -> AppException.InvalidInput.of("answer", "must be confirm or decline"));
    }

    /** The answer stored or sent as {@code wire}; empty for anything else (null included). */
    static Optional<CrewAnswer> fromWire(String wire) {
        return WireForm.find(CrewAnswer.class, wire);
    }

    /** An answer read back from {@code crew_link.answer}, whose check constraint allows only these. */
    static CrewAnswer stored(String wire) {
        return fromWire(wire).orElseThrow(() -> new IllegalStateException("unknown stored crew answer: " + wire));
    }

    static String statusOf(Optional<CrewAnswer> answer) {
        return answer.map(CrewAnswer::status).orElse(NO_STATUS);
    }

    static String yoursOf(Optional<CrewAnswer> answer) {
        return answer.map(CrewAnswer::yours).orElse(NOT_YOURS_YET);
    }
}
