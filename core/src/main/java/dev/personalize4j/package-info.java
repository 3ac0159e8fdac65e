/**
 * personalize4j's vendor-neutral API. Most applications need {@link dev.personalize4j.Recommender}
 * and {@link dev.personalize4j.EventSink}, plus the value types they take ({@link
 * dev.personalize4j.UserId}, {@link dev.personalize4j.Interaction}, ...).
 */
@ValueStyle
package dev.personalize4j;
