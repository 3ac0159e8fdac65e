package dev.personalize4j.testing.emulator;

import java.util.Optional;

/**
 * One item or user the emulator accepted through PutItems or PutUsers.
 *
 * @param datasetArn the dataset it was put into
 * @param id the item or user id
 * @param properties the properties JSON string as sent, if any
 */
public record ReceivedRecord(String datasetArn, String id, Optional<String> properties) {}
