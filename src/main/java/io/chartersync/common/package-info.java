/** Shared building blocks every module may use: exceptions, hashing, tokens, JSON, the rules of a charter body. */
package io.chartersync.common;
