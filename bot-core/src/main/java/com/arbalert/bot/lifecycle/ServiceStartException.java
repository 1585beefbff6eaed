package com.arbalert.bot.lifecycle;

/** A service refused to start; the message is the line shown to the operator. */
public final class ServiceStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String service;

    public ServiceStartException(String service, Throwable cause) {
        super(service + " failed to start: " + describe(cause), cause);
        this.service = service;
    }

    public String service() {
        return service;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
