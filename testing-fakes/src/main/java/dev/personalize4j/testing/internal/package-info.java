/**
 * Implementation detail of the fakes and the emulator: the in-memory recommendation {@link
 * dev.personalize4j.testing.internal.Engine} and the Personalize {@link
 * dev.personalize4j.testing.internal.FilterExpression} parser. Not a supported API.
 */
package dev.personalize4j.testing.internal;
