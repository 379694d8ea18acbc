/**
 * Offline evaluation in shards: the first pass over the data ({@link
 * org.bertfit.inference.shard.DataSummary}), which rows a shard takes, and the mergeable state of
 * each shard's run.
 */
package org.bertfit.inference.shard;
