/** JavaFX components: one feature package per component, View + ViewModel. */
package io.tsstudio.ui;
