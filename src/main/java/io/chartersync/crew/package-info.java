/** The crew service: roster, events, magic links, crew pages, feeds and crew email. */
package io.chartersync.crew;
