/** Label distributions, imbalance and token lengths of a dataset. */
package org.bertfit.datasets.stats;
