"""Type hints at run time: every name of 3.11's typing importable,
subscription giving alias objects with CPython's repr (`typing.List[int]`),
`Generic`/`Protocol` bases, `NamedTuple` and `TypedDict` classes.

Nothing here checks types: as in CPython, hints are data. Aliases have
no `__instancecheck__` support in this VM, so `isinstance(x, List)`
is not available (`isinstance(x, list)` is).
"""

import collections as _collections
import sys as _sys

TYPE_CHECKING = False

_NoneType = type(None)


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    if obj is _NoneType:
        return "None"
    if callable(obj) and hasattr(obj, "__qualname__") and not isinstance(obj, _Final):
        return obj.__qualname__
    return repr(obj)


def _type_check(arg, msg):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _params(args):
    out = []
    for a in args:
        if isinstance(a, TypeVar) and a not in out:
            out.append(a)
        for p in getattr(a, "__parameters__", ()):
            if isinstance(p, TypeVar) and p not in out:
                out.append(p)
    return tuple(out)


class _Final:
    """Marks the objects of this module (not to be subclassed)."""


class ForwardRef(_Final):
    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        self.__forward_arg__ = arg
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns, recursive_guard=frozenset()):
        return eval(self.__forward_arg__, globalns, localns)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return f"ForwardRef({self.__forward_arg__!r})"


class _Operators:
    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _SpecialForm(_Final, _Operators):
    def __init__(self, name, getitem=None, doc=""):
        self._name = name
        self._getitem = getitem
        self.__doc__ = doc

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if self._getitem is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._getitem(self, params)

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")

    def __reduce__(self):
        return self._name

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return hash(self._name)


class _GenericAlias(_Final, _Operators):
    """`origin[args]`: what subscription gives."""

    def __init__(self, origin, args, name=None, inst=True):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = _params(args)
        self._name = name
        self._inst = inst

    def _args_repr(self):
        if not self.__args__:
            return "()"
        return ", ".join(_type_repr(a) for a in self.__args__)

    def __repr__(self):
        if self._name:
            head = "typing." + self._name
        else:
            head = _type_repr(self.__origin__)
        return f"{head}[{self._args_repr()}]"

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if not self.__parameters__:
            raise TypeError(f"{self} is not a generic class")
        if len(params) != len(self.__parameters__):
            raise TypeError(
                f"Too {'many' if len(params) > len(self.__parameters__) else 'few'} arguments for {self}"
            )
        subst = dict(zip(self.__parameters__, params))
        return self.copy_with(tuple(_subst(a, subst) for a in self.__args__))

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, self._name, self._inst)

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(
                f"Type {self._name} cannot be instantiated; use {self.__origin__.__name__}() instead"
            )
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return result

    def __mro_entries__(self, bases):
        origin = self.__origin__
        if origin is Generic or origin is Protocol:
            i = bases.index(self)
            for b in bases[i + 1 :]:
                if isinstance(b, _GenericAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                    return ()
        return (origin,)

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__") or attr in ("_name", "_inst"):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __reduce__(self):
        return self.__origin__, ()


def _subst(a, subst):
    if isinstance(a, TypeVar):
        return subst.get(a, a)
    if isinstance(a, _GenericAlias) and a.__parameters__:
        return a.copy_with(tuple(_subst(x, subst) for x in a.__args__))
    return a


class _SpecialGenericAlias(_Final, _Operators):
    """`List`, `Dict`, ...: a builtin class under its typing name."""

    def __init__(self, origin, nparams, name=None, inst=True, defaults=()):
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name or origin.__name__
        self._inst = inst

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_check(p, "") for p in params)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError(
                f"Too {'many' if len(params) > self._nparams else 'few'} arguments for {self};"
                f" actual {len(params)}, expected {self._nparams}"
            )
        return _GenericAlias(self.__origin__, params, self._name, self._inst)

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(
                f"Type {self._name} cannot be instantiated; use {self.__origin__.__name__}() instead"
            )
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self._name == other._name

    def __hash__(self):
        return hash((self.__origin__, self._name))

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__") or attr in ("_name", "_inst", "_nparams"):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)


class _TupleAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if params == ():
            return _GenericAlias(tuple, (), "Tuple", False)
        if not isinstance(params, tuple):
            params = (params,)
        return _TupleGeneric(tuple, tuple(_type_check(p, "") for p in params), self._name, False)


class _TupleGeneric(_GenericAlias):
    def _args_repr(self):
        if not self.__args__:
            return "()"
        return ", ".join(_type_repr(a) for a in self.__args__)


class _CallableAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        if args is ...:
            flat = (..., _type_check(result, ""))
        else:
            if not isinstance(args, (list, tuple)):
                raise TypeError(f"Callable[args, result]: args must be a list. Got {args!r}")
            flat = tuple(_type_check(a, "") for a in args) + (_type_check(result, ""),)
        return _CallableGeneric(self.__origin__, flat, self._name, self._inst)


class _CallableGeneric(_GenericAlias):
    def _args_repr(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return f"..., {_type_repr(args[1])}"
        return "[" + ", ".join(_type_repr(a) for a in args[:-1]) + "], " + _type_repr(args[-1])

    def copy_with(self, args):
        return _CallableGeneric(self.__origin__, args, self._name, self._inst)


# ---------------------------------------------------------------- special forms


def _any_getitem(self, params):
    raise TypeError(f"{self} is not subscriptable")


Any = _SpecialForm("Any")
NoReturn = _SpecialForm("NoReturn")
Never = _SpecialForm("Never")
Self = _SpecialForm("Self")
LiteralString = _SpecialForm("LiteralString")
TypeAlias = _SpecialForm("TypeAlias")


class _UnionGeneric(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and _NoneType in args:
            other = args[0] if args[1] is _NoneType else args[1]
            return f"typing.Optional[{_type_repr(other)}]"
        return "typing.Union[" + ", ".join(_type_repr(a) for a in args) + "]"

    def __eq__(self, other):
        if not isinstance(other, _UnionGeneric):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def copy_with(self, args):
        return Union[args]

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")


def _union_getitem(self, params):
    if params == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(params, tuple):
        params = (params,)
    flat = []
    for p in params:
        p = _type_check(p, "")
        if isinstance(p, _UnionGeneric):
            items = p.__args__
        else:
            items = (p,)
        for q in items:
            if q not in flat:
                flat.append(q)
    if len(flat) == 1:
        return flat[0]
    return _UnionGeneric(Union, tuple(flat))


def _optional_getitem(self, params):
    return Union[params, None]


def _literal_getitem(self, params):
    if not isinstance(params, tuple):
        params = (params,)
    return _LiteralGeneric(self, params, "Literal")


class _LiteralGeneric(_GenericAlias):
    def _args_repr(self):
        return ", ".join(repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, _LiteralGeneric):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


def _one_getitem(self, params):
    if isinstance(params, tuple):
        if len(params) != 1:
            raise TypeError(f"{self} accepts only single type.")
        params = params[0]
    return _GenericAlias(self, (_type_check(params, ""),), self._name)


def _annotated_getitem(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError(
            "Annotated[...] should be used with at least two arguments (a type and an annotation)."
        )
    return _AnnotatedAlias(params[0], params[1:])


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        _GenericAlias.__init__(self, origin, (origin,))
        self.__metadata__ = tuple(metadata)

    def __repr__(self):
        meta = ", ".join(repr(m) for m in self.__metadata__)
        return f"typing.Annotated[{_type_repr(self.__origin__)}, {meta}]"

    def copy_with(self, args):
        return _AnnotatedAlias(args[0], self.__metadata__)


def _concat_getitem(self, params):
    if not isinstance(params, tuple):
        params = (params,)
    return _GenericAlias(self, params, "Concatenate")


Union = _SpecialForm("Union", _union_getitem)
Optional = _SpecialForm("Optional", _optional_getitem)
Literal = _SpecialForm("Literal", _literal_getitem)
ClassVar = _SpecialForm("ClassVar", _one_getitem)
Final = _SpecialForm("Final", _one_getitem)
TypeGuard = _SpecialForm("TypeGuard", _one_getitem)
Required = _SpecialForm("Required", _one_getitem)
NotRequired = _SpecialForm("NotRequired", _one_getitem)
Unpack = _SpecialForm("Unpack", _one_getitem)
Annotated = _SpecialForm("Annotated", _annotated_getitem)
Concatenate = _SpecialForm("Concatenate", _concat_getitem)


# ---------------------------------------------------------------- type variables


class TypeVar(_Final, _Operators):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = tuple(constraints)
        self.__bound__ = _type_check(bound, "") if bound is not None else None
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        try:
            self.__module__ = _sys._getframe(1).f_globals.get("__name__", "__main__")
        except (AttributeError, ValueError):
            self.__module__ = "__main__"

    def __repr__(self):
        if self.__covariant__:
            prefix = "+"
        elif self.__contravariant__:
            prefix = "-"
        else:
            prefix = "~"
        return prefix + self.__name__

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return id(self)


class ParamSpec(TypeVar):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        TypeVar.__init__(self, name, bound=bound, covariant=covariant, contravariant=contravariant)
        self.args = ParamSpecArgs(self)
        self.kwargs = ParamSpecKwargs(self)


class ParamSpecArgs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.args"


class ParamSpecKwargs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.kwargs"


class TypeVarTuple(_Final):
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__

    def __iter__(self):
        yield Unpack[self]


AnyStr = TypeVar("AnyStr", bytes, str)
T = TypeVar("T")
KT = TypeVar("KT")
VT = TypeVar("VT")
T_co = TypeVar("T_co", covariant=True)
V_co = TypeVar("V_co", covariant=True)
VT_co = TypeVar("VT_co", covariant=True)
T_contra = TypeVar("T_contra", contravariant=True)
CT_co = TypeVar("CT_co", covariant=True, bound=type)


class Generic:
    """The base of generic classes: `class C(Generic[T])`."""

    __slots__ = ()

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if not params and cls is not Tuple:
            raise TypeError(f"Parameter list to {cls.__qualname__}[...] cannot be empty")
        params = tuple(_type_check(p, "") for p in params)
        if cls is Generic or cls is Protocol:
            for p in params:
                if not isinstance(p, (TypeVar, TypeVarTuple)):
                    raise TypeError(
                        f"Parameters to {cls.__name__}[...] must all be type variables or parameter specification variables."
                    )
            if len(set(params)) != len(params):
                raise TypeError(f"Parameters to {cls.__name__}[...] must all be unique")
            return _GenericAlias(cls, params)
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if "__parameters__" not in cls.__dict__:
            params = []
            for b in cls.__dict__.get("__orig_bases__", ()):
                for p in getattr(b, "__parameters__", ()):
                    if p not in params:
                        params.append(p)
            cls.__parameters__ = tuple(params)


class Protocol(Generic):
    """The base of protocol classes (structural types)."""

    __slots__ = ()
    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if "_is_protocol" not in cls.__dict__:
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    cls._is_runtime_protocol = True
    return cls


# ---------------------------------------------------------------- aliases of classes


def _abc(name):
    try:
        import collections.abc as abc

        found = getattr(abc, name, None)
        if found is not None:
            return found
    except ImportError:
        pass
    cls = type(name, (), {"__module__": "collections.abc"})
    return cls


def _alias(origin, nparams, name=None, inst=True):
    return _SpecialGenericAlias(origin, nparams, name, inst)


Hashable = _alias(_abc("Hashable"), 0, "Hashable")
Awaitable = _alias(_abc("Awaitable"), 1, "Awaitable")
Coroutine = _alias(_abc("Coroutine"), 3, "Coroutine")
AsyncIterable = _alias(_abc("AsyncIterable"), 1, "AsyncIterable")
AsyncIterator = _alias(_abc("AsyncIterator"), 1, "AsyncIterator")
Iterable = _alias(_abc("Iterable"), 1, "Iterable")
Iterator = _alias(_abc("Iterator"), 1, "Iterator")
Reversible = _alias(_abc("Reversible"), 1, "Reversible")
Sized = _alias(_abc("Sized"), 0, "Sized")
Container = _alias(_abc("Container"), 1, "Container")
Collection = _alias(_abc("Collection"), 1, "Collection")
Callable = _CallableAlias(_abc("Callable"), 2, "Callable")
AbstractSet = _alias(_abc("Set"), 1, "AbstractSet")
MutableSet = _alias(_abc("MutableSet"), 1, "MutableSet")
Mapping = _alias(_abc("Mapping"), 2, "Mapping")
MutableMapping = _alias(_abc("MutableMapping"), 2, "MutableMapping")
Sequence = _alias(_abc("Sequence"), 1, "Sequence")
MutableSequence = _alias(_abc("MutableSequence"), 1, "MutableSequence")
ByteString = _alias(_abc("ByteString"), 0, "ByteString")
MappingView = _alias(_abc("MappingView"), 1, "MappingView")
KeysView = _alias(_abc("KeysView"), 1, "KeysView")
ItemsView = _alias(_abc("ItemsView"), 2, "ItemsView")
ValuesView = _alias(_abc("ValuesView"), 1, "ValuesView")
Generator = _alias(_abc("Generator"), 3, "Generator")
AsyncGenerator = _alias(_abc("AsyncGenerator"), 2, "AsyncGenerator")
Tuple = _TupleAlias(tuple, -1, "Tuple", inst=False)
List = _alias(list, 1, "List", inst=False)
Deque = _alias(_collections.deque, 1, "Deque")
Set = _alias(set, 1, "Set", inst=False)
FrozenSet = _alias(frozenset, 1, "FrozenSet", inst=False)
DefaultDict = _alias(_collections.defaultdict, 2, "DefaultDict")
OrderedDict = _alias(_collections.OrderedDict, 2, "OrderedDict")
Counter = _alias(_collections.Counter, 1, "Counter")
ChainMap = _alias(getattr(_collections, "ChainMap", dict), 2, "ChainMap")
Dict = _alias(dict, 2, "Dict", inst=False)
Type = _alias(type, 1, "Type", inst=False)
Text = str


class _ContextManagerBase:
    __module__ = "contextlib"


ContextManager = _alias(type("AbstractContextManager", (), {"__module__": "contextlib"}), 1, "ContextManager")
AsyncContextManager = _alias(
    type("AbstractAsyncContextManager", (), {"__module__": "contextlib"}), 1, "AsyncContextManager"
)


def _re_alias(name):
    try:
        import re

        origin = getattr(re, name)
    except (ImportError, AttributeError):
        origin = type(name, (), {"__module__": "re"})
    return _alias(origin, 1, name)


Pattern = _re_alias("Pattern")
Match = _re_alias("Match")


class IO(Generic):
    """The generic type of file objects."""

    __slots__ = ()


class TextIO(IO):
    __slots__ = ()


class BinaryIO(IO):
    __slots__ = ()


def _supports(name, method):
    def check(cls, *args):
        return hasattr(cls, method)

    return type(name, (Protocol,), {"__slots__": (), "__module__": "typing"})


SupportsInt = _supports("SupportsInt", "__int__")
SupportsFloat = _supports("SupportsFloat", "__float__")
SupportsComplex = _supports("SupportsComplex", "__complex__")
SupportsBytes = _supports("SupportsBytes", "__bytes__")
SupportsIndex = _supports("SupportsIndex", "__index__")
SupportsAbs = _supports("SupportsAbs", "__abs__")
SupportsRound = _supports("SupportsRound", "__round__")


# ---------------------------------------------------------------- NamedTuple


class _NamedTupleBase(tuple):
    """What `class P(NamedTuple)` derives from: on subclassing, the
    class gets namedtuple's fields and methods from its annotations."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        ann = cls.__dict__.get("__annotations__", {})
        names = list(ann)
        defaults = []
        for n in names:
            if n in cls.__dict__:
                defaults.append(cls.__dict__[n])
            elif defaults:
                raise TypeError(
                    f"Non-default namedtuple field {n} cannot follow default field"
                    f"{'s' if len(defaults) > 1 else ''} "
                    + ", ".join(names[names.index(n) - len(defaults) : names.index(n)])
                )
        nt = _collections.namedtuple(cls.__name__, names, defaults=defaults, module=cls.__module__)
        for key in ("__new__", "_fields", "_field_defaults", "_make", "_replace", "__repr__",
                    "_asdict", "__getnewargs__", "__match_args__"):
            setattr(cls, key, nt.__dict__[key])
        for n in names:
            setattr(cls, n, nt.__dict__[n])
        cls.__annotations__ = dict(ann)
        if not cls.__dict__.get("__doc__"):
            cls.__doc__ = nt.__doc__


class _NamedTupleFactory:
    """`NamedTuple`: a base class (`class P(NamedTuple): x: int`) and a
    function (`NamedTuple("P", [("x", int)])`)."""

    __name__ = "NamedTuple"
    __qualname__ = "NamedTuple"

    def __call__(self, typename, fields=None, **kwargs):
        if fields is None:
            fields = list(kwargs.items())
        fields = list(fields)
        names = [n for n, _ in fields]
        nt = _collections.namedtuple(typename, names, module=_caller())
        nt.__annotations__ = {n: t for n, t in fields}
        return nt

    def __mro_entries__(self, bases):
        return (_NamedTupleBase,)

    def __repr__(self):
        return "<function NamedTuple>"


def _caller():
    try:
        return _sys._getframe(2).f_globals.get("__name__", "__main__")
    except (AttributeError, ValueError):
        return "__main__"


NamedTuple = _NamedTupleFactory()


# ---------------------------------------------------------------- TypedDict


class _TypedDictBase(dict):
    """What `class M(TypedDict)` derives from: calling the class makes a
    plain dict, as in CPython."""

    def __new__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __init_subclass__(cls, total=True, **kwargs):
        own = cls.__dict__.get("__annotations__", {})
        ann = {}
        required = set()
        optional = set()
        for b in cls.__mro__[-1:0:-1]:
            ann.update(b.__dict__.get("__annotations__", {}) if b is not cls else {})
            required |= set(b.__dict__.get("__required_keys__", ()))
            optional |= set(b.__dict__.get("__optional_keys__", ()))
        for k, t in own.items():
            ann[k] = t
            origin = getattr(t, "__origin__", None)
            if origin is Required:
                required.add(k)
                optional.discard(k)
            elif origin is NotRequired:
                optional.add(k)
                required.discard(k)
            elif total:
                required.add(k)
                optional.discard(k)
            else:
                optional.add(k)
                required.discard(k)
        cls.__annotations__ = ann
        cls.__required_keys__ = frozenset(required)
        cls.__optional_keys__ = frozenset(optional)
        cls.__total__ = total


class _TypedDictFactory:
    __name__ = "TypedDict"
    __qualname__ = "TypedDict"

    def __call__(self, typename, fields=None, *, total=True, **kwargs):
        if fields is None:
            fields = kwargs
        ns = {"__annotations__": dict(fields), "__module__": _caller()}
        return _make_typeddict(typename, ns, total)

    def __mro_entries__(self, bases):
        return (_TypedDictBase,)

    def __repr__(self):
        return "<function TypedDict>"


def _make_typeddict(name, ns, total):
    # `type(name, bases, ns, total=...)` passes `total` on to __init_subclass__.
    src = "class %s(_TypedDictBase, total=_total):\n    pass\n" % name
    scope = {"_TypedDictBase": _TypedDictBase, "_total": total}
    exec(src, scope)
    cls = scope[name]
    own = ns["__annotations__"]
    cls.__annotations__ = dict(own)
    if total:
        cls.__required_keys__ = frozenset(own)
        cls.__optional_keys__ = frozenset()
    else:
        cls.__required_keys__ = frozenset()
        cls.__optional_keys__ = frozenset(own)
    cls.__module__ = ns["__module__"]
    return cls


TypedDict = _TypedDictFactory()


def is_typeddict(tp):
    return isinstance(tp, type) and issubclass(tp, _TypedDictBase)


# ---------------------------------------------------------------- functions


def cast(typ, val):
    return val


def assert_type(val, typ):
    return val


def assert_never(arg):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + "..."
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def reveal_type(obj):
    print(f"Runtime type is {type(obj).__name__!r}", file=_sys.stderr)
    return obj


_overloads = {}


def overload(func):
    key = getattr(func, "__qualname__", None)
    _overloads.setdefault(key, []).append(func)

    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. "
            "A series of @typing.overload-decorated functions "
            "outside a stub module should always be followed "
            "by an implementation that is not @typing.overload-ed."
        )

    return _overload_dummy


def get_overloads(func):
    return list(_overloads.get(getattr(func, "__qualname__", None), []))


def clear_overloads():
    _overloads.clear()


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    try:
        arg.__no_type_check__ = True
    except (AttributeError, TypeError):
        pass
    return arg


def no_type_check_decorator(decorator):
    return decorator


def dataclass_transform(**kwargs):
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = kwargs
        return cls_or_fn

    return decorator


class NewType(_Final):
    def __init__(self, name, tp):
        self.__qualname__ = name
        self.__name__ = name.rpartition(".")[2]
        self.__supertype__ = tp
        self.__module__ = _caller_module()

    def __repr__(self):
        return f"{self.__module__}.{self.__qualname__}"

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _caller_module():
    try:
        return _sys._getframe(2).f_globals.get("__name__", "__main__")
    except (AttributeError, ValueError):
        return "__main__"


def get_origin(tp):
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, _GenericAlias):
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _CallableGeneric):
        args = tp.__args__
        if args and args[0] is ...:
            return args
        return (list(args[:-1]), args[-1])
    if isinstance(tp, _GenericAlias):
        return tp.__args__
    return ()


def _eval(t, globalns, localns):
    if isinstance(t, str):
        t = eval(t, globalns, localns)
    if isinstance(t, ForwardRef):
        t = t._evaluate(globalns, localns)
    if t is None:
        return _NoneType
    return t


def _strip(t):
    if isinstance(t, _AnnotatedAlias):
        return _strip(t.__origin__)
    return t


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get("__annotations__", {})
            if globalns is None:
                mod = _sys.modules.get(base.__module__)
                g = getattr(mod, "__dict__", {}) if mod is not None else {}
            else:
                g = globalns
            loc = dict(vars(base)) if localns is None else localns
            for name, t in ann.items():
                hints[name] = _eval(t, g, loc)
    else:
        ann = getattr(obj, "__annotations__", None)
        if ann is None:
            if callable(obj):
                return {}
            raise TypeError(f"{obj!r} is not a module, class, method, or function.")
        if globalns is None:
            globalns = getattr(obj, "__globals__", None)
            if globalns is None:
                globalns = getattr(obj, "__dict__", {})
        for name, t in ann.items():
            hints[name] = _eval(t, globalns, localns)
    if not include_extras:
        hints = {k: _strip(v) for k, v in hints.items()}
    return hints


__all__ = [
    "Annotated", "Any", "Callable", "ClassVar", "Concatenate", "Final", "ForwardRef",
    "Generic", "Literal", "Optional", "ParamSpec", "Protocol", "Tuple", "Type", "TypeVar",
    "TypeVarTuple", "Union", "AbstractSet", "ByteString", "Container", "ContextManager",
    "Hashable", "ItemsView", "Iterable", "Iterator", "KeysView", "Mapping", "MappingView",
    "MutableMapping", "MutableSequence", "MutableSet", "Sequence", "Sized", "ValuesView",
    "Awaitable", "AsyncIterator", "AsyncIterable", "Coroutine", "Collection", "AsyncGenerator",
    "AsyncContextManager", "Reversible", "SupportsAbs", "SupportsBytes", "SupportsComplex",
    "SupportsFloat", "SupportsIndex", "SupportsInt", "SupportsRound", "ChainMap", "Counter",
    "Deque", "Dict", "DefaultDict", "List", "OrderedDict", "Set", "FrozenSet", "NamedTuple",
    "TypedDict", "Generator", "BinaryIO", "IO", "Match", "Pattern", "TextIO", "AnyStr",
    "assert_type", "assert_never", "cast", "clear_overloads", "dataclass_transform", "final",
    "get_args", "get_origin", "get_overloads", "get_type_hints", "is_typeddict", "LiteralString",
    "Never", "NewType", "no_type_check", "no_type_check_decorator", "NoReturn", "NotRequired",
    "overload", "ParamSpecArgs", "ParamSpecKwargs", "Required", "reveal_type",
    "runtime_checkable", "Self", "Text", "TYPE_CHECKING", "TypeAlias", "TypeGuard", "Unpack",
]
