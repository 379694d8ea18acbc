/** Implementation of the datasets module; not an API: nothing outside the module imports it. */
package org.bertfit.datasets.internal;
