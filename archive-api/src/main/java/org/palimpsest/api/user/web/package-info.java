/**
 * HTTP endpoints for accounts: administrators add them and grant or revoke roles; everyone signed in sets their own
 * password.
 */
@NullMarked
package org.palimpsest.api.user.web;

import org.jspecify.annotations.NullMarked;
