/**
 * Implementation detail of the emulator: HTTP routing and error envelopes, the control-plane
 * resources and their lifecycle, the runtime and events operations, schemas, CSV import and
 * fault decisions. Not a supported API.
 */
package dev.personalize4j.testing.emulator.internal;
