/** Object storage (BlobStore) for guest pages and photos, and CDN invalidation. */
package io.chartersync.storage;
