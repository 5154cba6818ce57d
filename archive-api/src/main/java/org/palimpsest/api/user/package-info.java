/**
 * Archive accounts: credentials kept apart from the event log, sign-in, the first administrator and demo mode.
 */
@NullMarked
package org.palimpsest.api.user;

import org.jspecify.annotations.NullMarked;
