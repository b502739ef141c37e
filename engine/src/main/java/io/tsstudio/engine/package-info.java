/** TorchScript engine: plain-Java API over LibTorch. No JavaFX here; only {@code internal.torch} touches JavaCPP. */
package io.tsstudio.engine;
