package org.palimpsest.archive.provenance;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;

/**
 * Every command names who sends it under {@link #METADATA_KEY}; a correlation data provider copies it onto
 * the events the command causes, so the audit trail can answer "who" for every fact.
 */
public final class Actors {

    public static final String METADATA_KEY = "actor";

    private Actors() {
    }

    public static <C> CommandMessage<C> command(C payload, String actor) {
        return GenericCommandMessage.<C>asCommandMessage(payload).andMetaData(MetaData.with(METADATA_KEY, actor));
    }
}
