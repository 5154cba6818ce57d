/**
 * HTTP endpoints for auditors and administrators: the audit trail and the event log export.
 */
@NullMarked
package org.palimpsest.api.audit.web;

import org.jspecify.annotations.NullMarked;
