package org.palimpsest.api.user;

/** A password just set, and whether the archive made it up (then it must be shown once to whoever asked). */
public record NewPassword(String value, boolean generated) {
}
