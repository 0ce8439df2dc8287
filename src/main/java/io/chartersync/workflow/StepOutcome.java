package io.chartersync.workflow;

/**
 * How a step ended. A transient failure is not an outcome: it is thrown, and the task is retried with
 * backoff; these two are final.
 */
sealed interface StepOutcome {
    /** Done; {@code result} is what later steps and the status need (an id, a URL). */
    record Done(StepResult result) implements StepOutcome {}

    /** Cannot succeed by retrying (invalid data, a programming error); stops the saga. */
    record Failed(String reason) implements StepOutcome {}
}
