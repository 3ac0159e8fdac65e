package dev.personalize4j.testing.internal;

/**
 * One item chosen by the {@link Engine}, with its normalised score.
 *
 * @param itemId the item id
 * @param score the score, in [0, 1]
 */
public record ScoredItem(String itemId, double score) {}
