/** The crew feature, entered through {@code CrewModule}: roster, events, magic links, crew pages, feeds, crew email. */
package io.chartersync.crew;
