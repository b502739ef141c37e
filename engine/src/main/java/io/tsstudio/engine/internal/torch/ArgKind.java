package io.tsstudio.engine.internal.torch;

/** How a schema argument type is filled from a Java value (optionality is tracked separately). */
enum ArgKind {
    TENSOR, INT, FLOAT, BOOL, NUMBER, STRING, INT_LIST, FLOAT_LIST, BOOL_LIST, TENSOR_LIST, OPT_TENSOR_LIST,
    SCALAR_TYPE, DEVICE, LAYOUT, MEMORY_FORMAT, GENERATOR, ANY, OTHER
}
