package io.tsstudio.engine;

/** A submodule: its (dotted) name and its qualified TorchScript class name. */
public record SubmoduleInfo(String name, String className) {
}
