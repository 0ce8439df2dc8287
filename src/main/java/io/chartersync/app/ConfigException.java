package io.chartersync.app;

/** A setting that is missing or wrong; the message names it. Stops the start. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
