package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.ir.IrSourceRange;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Block;
import org.bytedeco.pytorch.BlockArrayRef;
import org.bytedeco.pytorch.ClassType;
import org.bytedeco.pytorch.Function;
import org.bytedeco.pytorch.FunctionType;
import org.bytedeco.pytorch.Graph;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueOptional;
import org.bytedeco.pytorch.JitNode;
import org.bytedeco.pytorch.Operation;
import org.bytedeco.pytorch.Operator;
import org.bytedeco.pytorch.SizeTOptional;
import org.bytedeco.pytorch.Type;
import org.bytedeco.pytorch.TypeVector;
import org.bytedeco.pytorch.Value;
import org.bytedeco.pytorch.ValueArrayRef;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One TorchScript graph made ready for the observing executor: every node becomes a {@link Step} holding what it
 * needs at run time (LibTorch's own {@code Operation} for the node, a constant, an attribute slot, a callee), and
 * every IR value a slot number in its activation. Built once per graph and cached with the module
 * ({@link ObservingExecutor}); immutable afterwards, so concurrent runs may share it.
 * <p>
 * Node ids are {@link IrReader}'s: the same pre-order walk (a node, then the nodes of its blocks), so {@code n12}
 * here is {@code n12} in the {@code IrGraph} of the same method.
 */
final class GraphPlan {
    enum Kind {
        OP, CONSTANT, GET_ATTR, SET_ATTR, IF, LOOP, CALL_METHOD, CALL_FUNCTION, UNINITIALIZED, IDENTITY,
        LIST_CONSTRUCT, TUPLE_CONSTRUCT, DICT_CONSTRUCT, LIST_UNPACK, TUPLE_UNPACK, ISINSTANCE
    }

    /** One node. {@code freeAfter}: slots whose last use (in the block that defines them) is this node. */
    static final class Step {
        final int index;
        final String id;
        final String kind;
        final Kind type;
        final int[] in;
        final int[] out;
        final PlanBlock[] blocks;
        final Optional<IrSourceRange> source;
        Operation operation;       // OP
        boolean vararg;            // OP: the interpreter pushes the input count for a vararg schema (its OPN)
        IValue constant;           // CONSTANT
        String name;               // GET_ATTR / SET_ATTR / CALL_METHOD: attribute or method name
        long attributeSlot = -1;   // GET_ATTR / SET_ATTR, when the object's class is known statically
        boolean outputIsModule;    // GET_ATTR
        Function callee;           // CALL_FUNCTION
        Type.TypePtr elementType;  // LIST_CONSTRUCT: the list's element type; TUPLE_CONSTRUCT: a NamedTuple's type
        TsType keyType;            // DICT_CONSTRUCT
        TsType valueType;          // DICT_CONSTRUCT
        TypeTest[] candidates;     // ISINSTANCE: true when any matches
        int[] freeAfter = new int[0];

        Step(int index, String kind, Kind type, int[] in, int[] out, PlanBlock[] blocks, Optional<IrSourceRange> source) {
            this.index = index;
            this.id = "n" + index;
            this.kind = kind;
            this.type = type;
            this.in = in;
            this.out = out;
            this.blocks = blocks;
            this.source = source;
        }
    }

    static final class PlanBlock {
        final int[] inputs;
        final Step[] steps;
        final int[] outputs;

        PlanBlock(int[] inputs, Step[] steps, int[] outputs) {
            this.inputs = inputs;
            this.steps = steps;
            this.outputs = outputs;
        }
    }

    /**
     * One candidate type of {@code prim::isinstance}, decided from the value's tag as the interpreter's ISINSTANCE
     * does with the value's type; null from {@link #of} for a type this cannot decide (the graph then runs whole).
     */
    interface TypeTest {
        boolean test(IValue v);

        static TypeTest of(Type.TypePtr ptr) {
            Type t = ptr.get();
            return switch (t.kind().intern()) {
                case TensorType -> IValue::isTensor;
                case IntType -> IValue::isInt;
                case FloatType -> IValue::isDouble;
                case BoolType -> IValue::isBool;
                case StringType -> IValue::isString;
                case NoneType -> IValue::isNone;
                case DeviceObjType -> IValue::isDevice;
                case AnyListType -> IValue::isList;
                case AnyTupleType -> IValue::isTuple;
                case ListType -> {
                    Type.TypePtr element = ptr.get().containedType(0);
                    element.retainReference();
                    yield v -> v.isList() && v.toList().elementType().get().isSubtypeOf(element.get());
                }
                case ClassType -> {
                    ptr.retainReference();
                    yield v -> v.isObject() && v.toObject().type().isSubtypeOf(ptr.get());
                }
                default -> null;
            };
        }
    }

    final String owner;
    final String method;
    final String key;
    final boolean hasSelf;
    private final String returnType;
    final PlanBlock body;
    final int slotCount;
    final int nodeCount;
    final String[] slotNames;   // %debugName or %unique, as the printed graph names the value
    final String[] slotTypes;   // the static type as LibTorch prints it
    /** Why the graph cannot be stepped through (a node kind the executor lacks); empty when it can. */
    final Optional<String> opaqueBecause;

    private GraphPlan(String owner, String method, String key, boolean hasSelf, String returnType, PlanBlock body,
                      int slotCount, int nodeCount, String[] slotNames, String[] slotTypes, Optional<String> opaqueBecause) {
        this.owner = owner;
        this.method = method;
        this.key = key;
        this.hasSelf = hasSelf;
        this.returnType = returnType;
        this.body = body;
        this.slotCount = slotCount;
        this.nodeCount = nodeCount;
        this.slotNames = slotNames;
        this.slotTypes = slotTypes;
        this.opaqueBecause = opaqueBecause;
    }

    /** The declared return type as LibTorch prints it. */
    String returnType() {
        return returnType;
    }

    /** Builds the plan of {@code g}; the graph's owner (module or compilation unit) must outlive the plan. */
    static GraphPlan compile(Graph g, String owner, String method, String key, boolean hasSelf, String returnType) {
        try (PointerScope scope = new PointerScope()) {
            return new Compiler(g).compile(owner, method, key, hasSelf, returnType);
        }
    }

    private static final class Compiler {
        private final Graph graph;
        private final Map<Long, Integer> slots = new HashMap<>();
        private final List<String> names = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private final Map<Integer, Integer> definedIn = new HashMap<>();   // slot -> block number
        private final Map<Integer, Integer> lastUse = new HashMap<>();     // slot -> step position in its block
        private final List<int[]> blockPath = new ArrayList<>();           // open blocks: {block number, step position}
        private List<GraphText.PrintedNode> printed = List.of();
        private int nextNode;
        private int nextBlock;
        private String opaque;

        Compiler(Graph graph) {
            this.graph = graph;
        }

        GraphPlan compile(String owner, String method, String key, boolean hasSelf, String returnType) {
            printed = GraphText.parse(graph.toString());
            PlanBlock body = block(graph.block());
            return new GraphPlan(owner, method, key, hasSelf, returnType, body, names.size(), nextNode, names.toArray(String[]::new),
                    types.toArray(String[]::new), Optional.ofNullable(opaque));
        }

        private PlanBlock block(Block b) {
            int number = nextBlock++;
            blockPath.add(new int[]{number, -1});
            int[] inputs = define(b.inputs(), number);
            List<Step> steps = new ArrayList<>();
            JitNode end = b.return_node();
            for (JitNode n = b.param_node().next(); n != null && n.address() != end.address(); n = n.next()) {
                blockPath.get(blockPath.size() - 1)[1] = steps.size();
                steps.add(step(n, number));
            }
            int[] outputs = use(b.outputs());
            for (int o : outputs) if (definedIn.get(o) == number) lastUse.put(o, Integer.MAX_VALUE); // read at block end
            blockPath.remove(blockPath.size() - 1);
            Step[] array = steps.toArray(Step[]::new);
            assignFrees(number, array, inputs);
            return new PlanBlock(inputs, array, outputs);
        }

        /** Frees each value this block defines right after its last use here (uses in nested blocks count here). */
        private void assignFrees(int number, Step[] steps, int[] inputs) {
            Map<Integer, List<Integer>> byStep = new HashMap<>();
            List<Integer> defined = new ArrayList<>();
            for (int i : inputs) defined.add(i);
            for (Step s : steps) for (int o : s.out) defined.add(o);
            for (int slot : defined) {
                if (definedIn.get(slot) != number) continue;
                Integer last = lastUse.get(slot);
                if (last == null) continue; // never used: kept until overwritten or the activation ends
                if (last == Integer.MAX_VALUE) continue;
                byStep.computeIfAbsent(last, k -> new ArrayList<>()).add(slot);
            }
            byStep.forEach((position, list) -> steps[position].freeAfter = list.stream().distinct().mapToInt(Integer::intValue).toArray());
        }

        private Step step(JitNode n, int blockNumber) {
            int index = nextNode++;
            String kind = IrReader.text(n.kind().toQualString());
            GraphText.PrintedNode print = index < printed.size() && printed.get(index).kind().equals(kind) ? printed.get(index) : null;
            int[] in = use(n.inputs());
            int[] out = define(n.outputs(), blockNumber);
            BlockArrayRef bs = n.blocks();
            PlanBlock[] blocks = new PlanBlock[(int) bs.size()];
            for (int i = 0; i < blocks.length; i++) blocks[i] = block(bs.get(i));
            Kind type = kindOf(kind, n);
            Step s = new Step(index, kind, type, in, out, blocks, IrReader.sourceRange(n));
            switch (type) {
                case CONSTANT -> {
                    IValueOptional v = torch.toIValue(n.output());
                    // a function constant (the callee of prim::CallFunction) has no IValue; its type names the function
                    s.constant = retained(v.has_value() ? new IValue(v.get()) : new IValue());
                }
                case GET_ATTR, SET_ATTR -> {
                    s.name = print == null ? null : GraphText.unquote(print.attributes().getOrDefault("name", ""));
                    if (s.name == null || s.name.isEmpty()) unsupported(kind + " without a readable name");
                    Type owner = n.input(0).type().get();
                    if (owner.kind().intern() == torch.TypeKind.ClassType && s.name != null) {
                        SizeTOptional slot = new ClassType(owner).findAttributeSlot(s.name);
                        if (slot.has_value()) s.attributeSlot = slot.get();
                    }
                    if (type == Kind.GET_ATTR) {
                        Type t = n.output().type().get();
                        s.outputIsModule = t.kind().intern() == torch.TypeKind.ClassType && new ClassType(t).is_module();
                    }
                }
                case CALL_METHOD -> {
                    s.name = print == null ? null : GraphText.unquote(print.attributes().getOrDefault("name", ""));
                    if (s.name == null || s.name.isEmpty()) unsupported("prim::CallMethod without a readable method name");
                }
                case CALL_FUNCTION -> {
                    Type t = n.input(0).type().get();
                    if (t.kind().intern() != torch.TypeKind.FunctionType) {
                        unsupported("prim::CallFunction of a " + IrReader.text(t.str()));
                    } else {
                        s.callee = new FunctionType(t).function();
                        if (!s.callee.isGraphFunction()) unsupported("prim::CallFunction of a builtin");
                    }
                }
                case LIST_CONSTRUCT -> s.elementType = retained(n.output().type().get().containedType(0));
                case TUPLE_CONSTRUCT -> {
                    Type.TypePtr t = n.output().type();
                    if (!IrReader.text(t.get().str()).startsWith("(")) s.elementType = retained(t); // a NamedTuple
                }
                case ISINSTANCE -> {
                    TypeVector tys = n.tys(org.bytedeco.pytorch.Symbol.attr("types"));
                    s.candidates = new TypeTest[(int) tys.size()];
                    for (int i = 0; i < s.candidates.length; i++) {
                        s.candidates[i] = TypeTest.of(tys.get(i));
                        if (s.candidates[i] == null) unsupported("isinstance(x, " + IrReader.text(tys.get(i).get().str()) + ")");
                    }
                }
                case DICT_CONSTRUCT -> {
                    Type t = n.output().type().get();
                    s.keyType = TsType.of(t.containedType(0), true);
                    s.valueType = TsType.of(t.containedType(1), true);
                }
                case OP -> {
                    Operator op = n.maybeOperator();
                    if (op == null || op.isNull()) {
                        unsupported(kind + " (no LibTorch operator)");
                    } else {
                        try {
                            s.operation = retained(n.getOperation());
                            s.vararg = op.schema().is_vararg();
                        } catch (RuntimeException e) {
                            unsupported(kind + " (" + Errors.clean(e) + ")");
                        }
                    }
                }
                default -> {
                }
            }
            return s;
        }

        private static Kind kindOf(String kind, JitNode n) {
            return switch (kind) {
                case "prim::Constant" -> Kind.CONSTANT;
                case "prim::GetAttr" -> Kind.GET_ATTR;
                case "prim::SetAttr" -> Kind.SET_ATTR;
                case "prim::If" -> Kind.IF;
                case "prim::Loop" -> Kind.LOOP;
                case "prim::CallMethod" -> Kind.CALL_METHOD;
                case "prim::CallFunction" -> Kind.CALL_FUNCTION;
                case "prim::Uninitialized" -> Kind.UNINITIALIZED;
                case "prim::ListConstruct" -> Kind.LIST_CONSTRUCT;
                case "prim::TupleConstruct" -> Kind.TUPLE_CONSTRUCT;
                case "prim::DictConstruct" -> Kind.DICT_CONSTRUCT;
                case "prim::ListUnpack" -> Kind.LIST_UNPACK;
                case "prim::TupleUnpack" -> Kind.TUPLE_UNPACK;
                case "prim::isinstance" -> Kind.ISINSTANCE;
                // type refinements: the interpreter passes the value through unchanged
                case "prim::unchecked_cast" -> n.maybeOperator() == null || n.maybeOperator().isNull() ? Kind.IDENTITY : Kind.OP;
                default -> Kind.OP;
            };
        }

        private void unsupported(String why) {
            if (opaque == null) opaque = why;
        }

        private int[] define(ValueArrayRef vs, int blockNumber) {
            int[] out = new int[(int) vs.size()];
            for (int i = 0; i < out.length; i++) {
                Value v = vs.get(i);
                int slot = names.size();
                slots.put(v.unique(), slot);
                names.add("%" + (v.hasDebugName() ? IrReader.text(v.debugName()) : String.valueOf(v.unique())));
                types.add(IrReader.text(v.type().get().str()));
                definedIn.put(slot, blockNumber);
                out[i] = slot;
            }
            return out;
        }

        private int[] use(ValueArrayRef vs) {
            int[] out = new int[(int) vs.size()];
            for (int i = 0; i < out.length; i++) {
                Integer slot = slots.get(vs.get(i).unique());
                if (slot == null) throw new IllegalStateException("graph is malformed: a value is used before it is defined");
                out[i] = slot;
                noteUse(slot);
            }
            return out;
        }

        /** A use inside nested blocks counts as a use by the enclosing node of the block that defines the value. */
        private void noteUse(int slot) {
            int home = definedIn.get(slot);
            for (int k = blockPath.size() - 1; k >= 0; k--) {
                int[] open = blockPath.get(k);
                if (open[0] != home) continue;
                int position = open[1];
                if (position < 0) return; // a block output that is its own input: read at block end
                lastUse.merge(slot, position, Math::max);
                return;
            }
        }

        private static <P extends org.bytedeco.javacpp.Pointer> P retained(P p) {
            p.retainReference();
            return p;
        }
    }
}
