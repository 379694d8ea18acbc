/** The readers behind {@link org.bertfit.datasets.io.DatasetReader}; not an API: nothing outside the module imports it. */
package org.bertfit.datasets.io.internal;
