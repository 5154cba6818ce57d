package org.palimpsest.archive.user;

/** A change the account rules refuse in the account's current state (e.g. an admin revoking their own admin role). */
public class UserRuleException extends RuntimeException {

    public UserRuleException(String message) {
        super(message);
    }
}
