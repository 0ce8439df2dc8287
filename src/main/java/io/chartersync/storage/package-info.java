/** Object storage for guest pages and photos (files, or S3 and compatible stores), upload signing, CDN invalidation. */
package io.chartersync.storage;
