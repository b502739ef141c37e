package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.TorchException;
import io.tsstudio.engine.observe.Frame;
import io.tsstudio.engine.observe.ModuleCall;
import io.tsstudio.engine.observe.ModuleRecord;
import io.tsstudio.engine.observe.NodeRecord;
import io.tsstudio.engine.observe.ObserveOptions;
import io.tsstudio.engine.observe.ObservedValue;
import io.tsstudio.engine.observe.Observation;
import io.tsstudio.engine.observe.StackEntry;
import io.tsstudio.engine.observe.Stepper;
import io.tsstudio.engine.run.CancelToken;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.ClassType;
import org.bytedeco.pytorch.Function;
import org.bytedeco.pytorch.GenericList;
import org.bytedeco.pytorch.Tuple;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.Obj;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a method node by node over its IR graph, with LibTorch's own operation for each node, and records what every
 * node and module call produced and how long it took. Control flow ({@code prim::If}, {@code prim::Loop}), calls
 * ({@code prim::CallMethod}, {@code prim::CallFunction}, descended into with their module path), attributes and
 * constants are executed here; every other node runs its operator's {@code Operation} on a stack exactly as
 * LibTorch's interpreter does, so results are bit-identical to a normal run for deterministic operators.
 * <p>
 * A method whose graph holds a node the executor cannot run (no operator) runs whole through LibTorch and is
 * marked opaque. Memory: every value lives in one slot of its activation and is released after its last use (a
 * loop body's values each iteration), as the interpreter does; times exclude the observer's own statistics.
 */
public final class ObservingExecutor {
    /** Plans per module, dropped when any code is (re)defined anywhere ({@link NativeModule#codeVersion()}). */
    private static final Map<NativeModule, Plans> PLANS = new WeakHashMap<>();
    private static final System.Logger LOG = System.getLogger(ObservingExecutor.class.getName());

    private final Plans plans;
    private final ValueObserver observer;
    private final Optional<Stepper> stepper;
    private final CancelToken token;
    private final Map<String, ModuleAcc> modules = new LinkedHashMap<>();
    private final Map<String, NodeAcc[]> nodeTables = new HashMap<>();
    private final List<NodeAcc> nodeOrder = new ArrayList<>();
    private final List<ModuleCall> calls = new ArrayList<>();
    private final Deque<Activation> stack = new ArrayDeque<>();
    private long overheadNanos;   // time spent observing (statistics, frames): taken out of every timed span
    private long childNanos;      // module-call time below the current module call, for self time
    private boolean mutated;      // a SetAttr ran: the module's state is no longer what it was before the call
    private boolean lastCallOpaque; // the call just made ran whole
    private IValueVector opStack;   // the one operator stack, reused by every node (operators do not nest)

    private ObservingExecutor(Plans plans, ObserveOptions options, CancelToken token) {
        this.plans = plans;
        this.observer = new ValueObserver(options.keepTensorBytes(), options.statistics());
        this.stepper = options.stepper();
        this.token = token;
    }

    public static Observation observe(NativeModule module, String method, List<Object> args, ObserveOptions options, CancelToken token) {
        Runtime.ensureLoaded();
        try (NativeLifetime.Use use = module.use()) {
            NativeCallable callable = module.method(method);
            ObservingExecutor ex = new ObservingExecutor(plansOf(module), options, token);
            return ex.run(module, callable, args.toArray());
        }
    }

    private static Plans plansOf(NativeModule module) {
        synchronized (PLANS) {
            long version = NativeModule.codeVersion();
            Plans p = PLANS.get(module);
            if (p == null || p.codeVersion != version) {
                p = new Plans(version);
                PLANS.put(module, p);
            }
            return p;
        }
    }

    private Observation run(NativeModule module, NativeCallable callable, Object[] args) {
        try (PointerScope outer = new PointerScope()) {
            JitModule m = module.get();
            boolean inference = !m.is_training();
            InferenceMode guard = inference ? new InferenceMode() : null;
            try {
                IValue[] argv = callable.arguments(args, inference);
                IValue[] inputs = new IValue[argv.length + 1];
                inputs[0] = new IValue(m._ivalue());
                System.arraycopy(argv, 0, inputs, 1, argv.length);
                opStack = new IValueVector();
                long start = System.nanoTime();
                IValue result;
                try {
                    result = callModule(inputs, "", callable.name());
                } catch (StepFailure f) {
                    throw normalRunError(callable, args, inference, f);
                }
                long total = System.nanoTime() - start - overheadNanos;
                Object output = callable.result(result);
                return new Observation(callable.name(), output, total, moduleRecords(), nodeRecords(), calls);
            } finally {
                if (guard != null) guard.close();
            }
        }
    }

    /**
     * An operator failed mid-run: the error must read as a normal run's does (LibTorch's interpreter adds the
     * TorchScript traceback). When nothing was mutated the method is run again normally to get exactly that text.
     */
    private RuntimeException normalRunError(NativeCallable callable, Object[] args, boolean inference, StepFailure f) {
        if (!mutated) {
            try {
                Object unexpected = callable.call(args, inference);
                closeTensors(unexpected);
            } catch (RuntimeException normal) {
                return normal;
            }
        }
        return new TorchException(callable.name() + " failed: " + Errors.clean(f.getCause()), f.getCause());
    }

    private static void closeTensors(Object v) {
        if (v instanceof io.tsstudio.engine.Tensor t) t.close();
        else if (v instanceof Iterable<?> it) it.forEach(ObservingExecutor::closeTensors);
        else if (v instanceof Map<?, ?> m) m.values().forEach(ObservingExecutor::closeTensors);
        else if (v instanceof io.tsstudio.engine.JitTuple t) t.values().forEach(ObservingExecutor::closeTensors);
    }

    // ---------------------------------------------------------------- calls

    /** A module (or TorchScript object) method call; {@code inputs[0]} is the object. */
    private IValue callModule(IValue[] inputs, String path, String method) {
        Obj obj = inputs[0].toObject();
        ClassType type = obj.type();
        boolean isModule = type.is_module();
        String className = IrReader.text(type.str());
        Function fn = type.getMethod(method);
        long compile0 = System.nanoTime(); // a first call compiles the plan: the observer's work, not the model's
        GraphPlan plan = plans.method(type, method, fn, className);
        overheadNanos += System.nanoTime() - compile0;
        // a method of a TorchScript object, or a module calling its own method (self._conv_forward): no module call,
        // as PyTorch's forward hooks see it
        if (!isModule) return callGraph(plan, fn, inputs, stack.isEmpty() ? path : stack.peek().path);
        if (!stack.isEmpty() && stack.peek().path.equals(path)) {
            if (plan.opaqueBecause.isPresent() && modules.containsKey(path)) modules.get(path).opaque = true;
            return callGraph(plan, fn, inputs, path);
        }

        ModuleAcc acc = modules.computeIfAbsent(path, p -> new ModuleAcc(p, className));
        int index = (int) acc.calls++;
        int callSlot = calls.size();
        calls.add(null);
        long overhead0 = overheadNanos;
        long outerChild = childNanos;
        childNanos = 0;
        long start = System.nanoTime();
        IValue result = null;
        try {
            if (plan.opaqueBecause.isPresent()) acc.opaque = true;
            result = callGraph(plan, fn, inputs, path);
            return result;
        } finally {
            long total = System.nanoTime() - start - (overheadNanos - overhead0);
            acc.totalNanos += total;
            acc.selfNanos += total - childNanos;
            childNanos = outerChild + total;
            long t0 = System.nanoTime();
            ObservedValue out = result == null ? new ObservedValue("", "(failed)", List.of()) : observer.observeScoped(result, plan.returnType());
            if (index == 0) acc.output = out;
            calls.set(callSlot, new ModuleCall(path, method, index, out));
            overheadNanos += System.nanoTime() - t0;
        }
    }

    /** Runs a graph node by node, or whole through LibTorch when its plan says it cannot be stepped. */
    private IValue callGraph(GraphPlan plan, Function fn, IValue[] inputs, String path) {
        lastCallOpaque = plan.opaqueBecause.isPresent();
        if (lastCallOpaque) {
            LOG.log(System.Logger.Level.INFO, "observing: " + plan.owner + "." + plan.method + " runs whole: " + plan.opaqueBecause.get());
            return runWhole(fn, inputs);
        }
        Activation a = new Activation(plan, path, table(path, plan));
        stack.push(a);
        try {
            int[] in = plan.body.inputs;
            for (int i = 0; i < in.length && i < inputs.length; i++) a.put(in[i], inputs[i]);
            if (in.length > 0 && plan.hasSelf) a.paths[in[0]] = path;
            runBlock(a, plan.body);
            int[] out = plan.body.outputs;
            if (out.length == 1) return own(a.get(out[0]));
            // several outputs (a graph returns one value; a block may return several): a tuple, as the interpreter
            try (PointerScope s = new PointerScope()) {
                IValueVector v = new IValueVector();
                for (int o : out) v.push_back(a.get(o));
                IValue t = new IValue(Tuple.create(v));
                t.retainReference();
                return t;
            }
        } finally {
            stack.pop();
            a.free();
        }
    }

    private static IValue runWhole(Function fn, IValue[] inputs) {
        try (PointerScope s = new PointerScope()) {
            IValueVector v = new IValueVector();
            for (IValue i : inputs) v.push_back(i);
            IValue r = fn.apply(v);
            IValue kept = new IValue(r);
            kept.retainReference();
            return kept;
        } catch (RuntimeException e) {
            throw new StepFailure(e);
        }
    }

    // ---------------------------------------------------------------- blocks and nodes

    private void runBlock(Activation a, GraphPlan.PlanBlock block) {
        for (GraphPlan.Step s : block.steps) {
            if (token.isCancelled()) throw new CancellationException("run cancelled");
            a.current = s;
            if (stepper.isPresent()) pause(a);
            execute(a, s);
            for (int slot : s.freeAfter) a.release(slot);
        }
    }

    private void pause(Activation a) {
        long t0 = System.nanoTime();
        List<StackEntry> entries = new ArrayList<>();
        List<Activation> frames = new ArrayList<>(stack);
        for (int i = frames.size() - 1; i >= 0; i--) {
            Activation f = frames.get(i);
            GraphPlan.Step s = f.current;
            entries.add(new StackEntry(f.path, f.plan.method, s == null ? "" : s.id, s == null ? "" : s.kind, s == null ? Optional.empty() : s.source));
        }
        Map<String, ObservedValue> variables = new LinkedHashMap<>();
        try (PointerScope scope = new PointerScope()) {
            ValueObserver plain = new ValueObserver(0, true);
            for (int i = 0; i < a.live.length; i++) {
                if (a.live[i]) variables.put(a.plan.slotNames[i], plain.observe(a.get(i), a.plan.slotTypes[i]));
            }
        }
        try {
            stepper.get().before(new Frame(entries, variables));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("run stopped");
        } finally {
            overheadNanos += System.nanoTime() - t0;
        }
    }

    private void execute(Activation a, GraphPlan.Step s) {
        NodeAcc acc = a.table[s.index];
        if (acc == null) {
            acc = new NodeAcc(a.path, a.plan.method, s);
            a.table[s.index] = acc;
        }
        if (acc.calls == 0) nodeOrder.add(acc);
        long overhead0 = overheadNanos;
        long start = System.nanoTime();
        long opNanos = -1;
        // only steps that make native temporaries get a scope: an operator, a constant or a cast makes none
        boolean temporaries = !(s.type == GraphPlan.Kind.OP && !s.vararg) && s.type != GraphPlan.Kind.CONSTANT
                && s.type != GraphPlan.Kind.IDENTITY;
        try (PointerScope scope = temporaries ? new PointerScope() : null) {
            switch (s.type) {
                case CONSTANT -> a.put(s.out[0], s.constant);
                case UNINITIALIZED -> a.put(s.out[0], new IValue());
                case IDENTITY -> a.put(s.out[0], a.get(s.in[0]));
                case OP -> opNanos = runOperation(a, s);
                case GET_ATTR -> getAttr(a, s);
                case SET_ATTR -> setAttr(a, s);
                case IF -> runIf(a, s);
                case LOOP -> runLoop(a, s);
                case CALL_METHOD -> callMethod(a, s);
                case CALL_FUNCTION -> callFunction(a, s);
                case LIST_CONSTRUCT -> {
                    GenericList l = new GenericList(s.elementType);
                    for (int i : s.in) l.push_back(a.get(i));
                    a.put(s.out[0], new IValue(l));
                }
                case TUPLE_CONSTRUCT -> {
                    IValueVector v = new IValueVector();
                    for (int i : s.in) v.push_back(a.get(i));
                    Tuple t = s.elementType == null ? Tuple.create(v) : Tuple.createNamed(v, s.elementType);
                    a.put(s.out[0], new IValue(t));
                }
                case DICT_CONSTRUCT -> {
                    GenericList keys = new GenericList(s.keyType.nativePtr());
                    GenericList values = new GenericList(s.valueType.nativePtr());
                    for (int i = 0; i + 1 < s.in.length; i += 2) {
                        keys.push_back(a.get(s.in[i]));
                        values.push_back(a.get(s.in[i + 1]));
                    }
                    a.put(s.out[0], DictBuilder.build(s.keyType, s.valueType, keys, values));
                }
                case LIST_UNPACK, TUPLE_UNPACK -> unpack(a, s);
                case ISINSTANCE -> {
                    IValue v = a.get(s.in[0]);
                    boolean is = false;
                    for (GraphPlan.TypeTest t : s.candidates) is |= t.test(v);
                    a.put(s.out[0], new IValue(is));
                }
            }
        }
        long total = opNanos >= 0 ? opNanos : System.nanoTime() - start - (overheadNanos - overhead0);
        acc.calls++;
        acc.totalNanos += total;
        if (acc.calls == 1) {
            long t0 = System.nanoTime();
            try (PointerScope scope = new PointerScope()) {
                List<ObservedValue> outs = new ArrayList<>(s.out.length);
                for (int o : s.out) outs.add(observer.observe(a.get(o), a.plan.slotTypes[o]));
                acc.outputs = outs;
            }
            overheadNanos += System.nanoTime() - t0;
        }
    }

    private static void unpack(Activation a, GraphPlan.Step s) {
        IValue v = a.get(s.in[0]);
        IValueVector els = s.type == GraphPlan.Kind.TUPLE_UNPACK ? v.toTuple().elements().vec() : v.toList().vec();
        if (els.size() != s.out.length) {
            // the interpreter's own words for a list of the wrong length
            throw new StepFailure(new TorchException("Expected " + s.out.length + " elements in a list but found " + els.size()));
        }
        for (int i = 0; i < s.out.length; i++) a.put(s.out[i], els.get(i));
    }

    /** The node's own LibTorch operation on a stack of its inputs; returns the time the operation took. */
    private long runOperation(Activation a, GraphPlan.Step s) {
        IValueVector st = opStack;
        st.resize(0);
        for (int i : s.in) st.push_back(a.get(i));
        if (s.vararg) st.push_back(new IValue((long) s.in.length)); // a rare native allocation: freed with the step's scope
        long start = System.nanoTime();
        try {
            s.operation.apply(st);
        } catch (RuntimeException e) {
            throw new StepFailure(e);
        }
        long took = System.nanoTime() - start;
        long n = st.size();
        if (n != s.out.length) throw new StepFailure(new IllegalStateException(s.kind + " left " + n + " values for " + s.out.length + " outputs"));
        for (int i = 0; i < s.out.length; i++) a.put(s.out[i], st.get(i));
        st.resize(0);
        return took;
    }

    private void getAttr(Activation a, GraphPlan.Step s) {
        Obj obj = a.get(s.in[0]).toObject();
        IValue v = s.attributeSlot >= 0 ? obj.getSlot(s.attributeSlot) : obj.getAttr(s.name);
        a.put(s.out[0], v);
        if (s.outputIsModule) {
            String parent = a.paths[s.in[0]];
            if (parent != null) a.paths[s.out[0]] = parent.isEmpty() ? s.name : parent + "." + s.name;
        }
    }

    private void setAttr(Activation a, GraphPlan.Step s) {
        Obj obj = a.get(s.in[0]).toObject();
        IValue v = a.get(s.in[1]);
        if (s.attributeSlot >= 0) obj.setSlot(s.attributeSlot, v);
        else obj.setAttr(s.name, v);
        mutated = true;
    }

    private void runIf(Activation a, GraphPlan.Step s) {
        GraphPlan.PlanBlock b = s.blocks[a.get(s.in[0]).toBool() ? 0 : 1];
        runBlock(a, b);
        for (int i = 0; i < s.out.length; i++) {
            a.put(s.out[i], a.get(b.outputs[i]));
            a.paths[s.out[i]] = a.paths[b.outputs[i]];
        }
    }

    /** prim::Loop(max_trip_count, initial_condition, carried...): body(i, carried...) -> (condition, carried...). */
    private void runLoop(Activation a, GraphPlan.Step s) {
        long max = a.get(s.in[0]).toInt();
        boolean condition = a.get(s.in[1]).toBool();
        GraphPlan.PlanBlock body = s.blocks[0];
        int carried = s.in.length - 2;
        for (int j = 0; j < carried; j++) a.put(body.inputs[1 + j], a.get(s.in[2 + j]));
        IValueVector next = new IValueVector(carried); // the body's outputs may be its inputs in another order
        for (long i = 0; condition && i < max; i++) {
            try (PointerScope iteration = new PointerScope()) {
                a.put(body.inputs[0], new IValue(i));
                runBlock(a, body);
                condition = a.get(body.outputs[0]).toBool();
                for (int j = 0; j < carried; j++) next.put(j, a.get(body.outputs[1 + j]));
                for (int j = 0; j < carried; j++) a.put(body.inputs[1 + j], next.get(j));
            }
            if (token.isCancelled()) throw new CancellationException("run cancelled");
        }
        for (int j = 0; j < carried; j++) a.put(s.out[j], a.get(body.inputs[1 + j]));
    }

    private void callMethod(Activation a, GraphPlan.Step s) {
        IValue[] inputs = new IValue[s.in.length];
        for (int i = 0; i < inputs.length; i++) inputs[i] = a.get(s.in[i]);
        String path = a.paths[s.in[0]];
        if (path == null) path = a.path + (a.path.isEmpty() ? "" : ".") + "<" + s.name + ">";
        IValue r = callModule(inputs, path, s.name);
        if (lastCallOpaque) a.table[s.index].opaque = true;
        setResult(a, s, r);
    }

    private void callFunction(Activation a, GraphPlan.Step s) {
        IValue[] inputs = new IValue[s.in.length - 1];
        for (int i = 0; i < inputs.length; i++) inputs[i] = a.get(s.in[i + 1]);
        long compile0 = System.nanoTime();
        GraphPlan plan = plans.function(s.callee);
        overheadNanos += System.nanoTime() - compile0;
        IValue r = callGraph(plan, s.callee, inputs, a.path);
        if (lastCallOpaque) a.table[s.index].opaque = true;
        setResult(a, s, r);
    }

    /** A call's result is one value; a node with several outputs unpacks a tuple (never emitted by TorchScript). */
    private static void setResult(Activation a, GraphPlan.Step s, IValue r) {
        if (s.out.length == 1) {
            a.put(s.out[0], r);
            r.releaseReference();
            return;
        }
        IValueVector els = r.toTuple().elements().vec();
        for (int i = 0; i < s.out.length; i++) a.put(s.out[i], els.get(i));
        r.releaseReference();
    }

    /** A new handle on {@code v} that this executor owns (one retained reference, made in a scope of its own). */
    private static IValue own(IValue v) {
        try (PointerScope s = new PointerScope()) {
            IValue c = new IValue(v);
            c.retainReference();
            return c;
        }
    }

    private NodeAcc[] table(String path, GraphPlan plan) {
        return nodeTables.computeIfAbsent(path + "\u0000" + plan.key, k -> new NodeAcc[plan.nodeCount]);
    }

    // ---------------------------------------------------------------- results

    private List<ModuleRecord> moduleRecords() {
        List<ModuleRecord> out = new ArrayList<>(modules.size());
        for (ModuleAcc m : modules.values()) {
            out.add(new ModuleRecord(m.path, m.className, m.calls, m.totalNanos, m.selfNanos,
                    m.output == null ? new ObservedValue("", "", List.of()) : m.output, m.opaque));
        }
        return out;
    }

    private List<NodeRecord> nodeRecords() {
        List<NodeRecord> out = new ArrayList<>(nodeOrder.size());
        for (NodeAcc n : nodeOrder) {
            out.add(new NodeRecord(n.module, n.method, n.step.id, n.step.kind, n.calls, n.totalNanos,
                    n.outputs == null ? List.of() : n.outputs, n.opaque));
        }
        return out;
    }

    // ---------------------------------------------------------------- state

    /**
     * One running graph: a slot per IR value in one native vector (assigning a slot copies the IValue into it, so a
     * node's outputs cost no native allocation), and the module path of the slots that hold submodules.
     */
    private static final class Activation {
        private static final IValue NONE = retainedNone();
        final GraphPlan plan;
        final String path;
        final NodeAcc[] table;
        final IValueVector slots;
        final boolean[] live;
        final String[] paths;
        GraphPlan.Step current;

        Activation(GraphPlan plan, String path, NodeAcc[] table) {
            this.plan = plan;
            this.path = path;
            this.table = table;
            try (PointerScope s = new PointerScope()) {
                this.slots = new IValueVector(plan.slotCount);
                slots.retainReference();
            }
            this.live = new boolean[plan.slotCount];
            this.paths = new String[plan.slotCount];
        }

        /** A view of the slot's value, valid until the slot is assigned again. */
        IValue get(int slot) {
            return slots.get(slot);
        }

        /** Copies {@code v} (a reference count) into the slot. */
        void put(int slot, IValue v) {
            slots.put(slot, v);
            live[slot] = true;
            paths[slot] = null;
        }

        void release(int slot) {
            if (!live[slot]) return;
            slots.put(slot, NONE);
            live[slot] = false;
            paths[slot] = null;
        }

        void free() {
            slots.releaseReference();
        }

        private static IValue retainedNone() {
            try (PointerScope s = new PointerScope()) {
                IValue none = new IValue();
                none.retainReference();
                return none;
            }
        }
    }

    private static final class ModuleAcc {
        final String path;
        final String className;
        long calls;
        long totalNanos;
        long selfNanos;
        ObservedValue output;
        boolean opaque;

        ModuleAcc(String path, String className) {
            this.path = path;
            this.className = className;
        }
    }

    private static final class NodeAcc {
        final String module;
        final String method;
        final GraphPlan.Step step;
        long calls;
        long totalNanos;
        List<ObservedValue> outputs;
        boolean opaque;

        NodeAcc(String module, String method, GraphPlan.Step step) {
            this.module = module;
            this.method = method;
            this.step = step;
        }
    }

    /** An operator failed while stepping; the run reports it as a normal run would. */
    private static final class StepFailure extends RuntimeException {
        StepFailure(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private static String returnType(Function fn) {
        org.bytedeco.pytorch.Argument rets = fn.getSchema().returns();
        if (rets == null || rets.isNull() || rets.limit() == 0) return "NoneType";
        if (rets.limit() > 1) return "Tuple";
        return IrReader.text(rets.getPointer(0).type().get().str());
    }

    /** The compiled graphs of one module's classes and the functions they call. */
    private static final class Plans {
        final long codeVersion;
        final Map<String, GraphPlan> byKey = new ConcurrentHashMap<>();

        Plans(long codeVersion) {
            this.codeVersion = codeVersion;
        }

        GraphPlan method(ClassType type, String method, Function fn, String className) {
            String key = type.address() + ":" + method;
            GraphPlan p = byKey.get(key);
            if (p != null) return p;
            p = GraphPlan.compile(torch.toGraphFunction(fn).graph(), className, method, key, true,
                    returnType(fn));
            byKey.put(key, p);
            return p;
        }

        GraphPlan function(Function fn) {
            String key = fn.address() + ":fn";
            GraphPlan p = byKey.get(key);
            if (p != null) return p;
            String name = IrReader.text(fn.qualname().qualifiedName());
            p = GraphPlan.compile(torch.toGraphFunction(fn).graph(), name, name, key, false,
                    returnType(fn));
            byKey.put(key, p);
            return p;
        }
    }
}
