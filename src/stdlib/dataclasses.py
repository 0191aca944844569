"""Data classes: `@dataclass` writes `__init__`, `__repr__`, `__eq__`,
the orderings and `__hash__` from a class's annotated fields.

The methods are generated as Python source and compiled once per class,
so their signatures and error messages are those of ordinary functions.
"""

__all__ = [
    "dataclass",
    "field",
    "Field",
    "FrozenInstanceError",
    "InitVar",
    "KW_ONLY",
    "MISSING",
    "fields",
    "asdict",
    "astuple",
    "make_dataclass",
    "replace",
    "is_dataclass",
]


class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class _KwOnlyType:
    def __repr__(self):
        return "KW_ONLY"


KW_ONLY = _KwOnlyType()


class _HasDefaultFactory:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HasDefaultFactory()


class InitVar:
    __slots__ = ("type",)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        t = self.type
        name = t.__name__ if isinstance(t, type) else repr(t)
        return f"dataclasses.InitVar[{name}]"

    def __class_getitem__(cls, type):
        return InitVar(type)


_FIELD = "_FIELD"
_FIELD_CLASSVAR = "_FIELD_CLASSVAR"
_FIELD_INITVAR = "_FIELD_INITVAR"


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return (
            "Field("
            f"name={self.name!r},"
            f"type={self.type!r},"
            f"default={self.default!r},"
            f"default_factory={self.default_factory!r},"
            f"init={self.init!r},"
            f"repr={self.repr!r},"
            f"hash={self.hash!r},"
            f"compare={self.compare!r},"
            f"metadata={self.metadata!r},"
            f"kw_only={self.kw_only!r},"
            f"_field_type={self._field_type})"
        )

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), "__set_name__", None)
        if func:
            func(self.default, owner, name)


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return (
            "_DataclassParams("
            f"init={self.init!r},repr={self.repr!r},eq={self.eq!r},order={self.order!r},"
            f"unsafe_hash={self.unsafe_hash!r},frozen={self.frozen!r})"
        )


def field(
    *,
    default=MISSING,
    default_factory=MISSING,
    init=True,
    repr=True,
    hash=None,
    compare=True,
    metadata=None,
    kw_only=MISSING,
):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(tp):
    if isinstance(tp, str):
        return tp.startswith(("ClassVar", "typing.ClassVar", "t.ClassVar"))
    try:
        import typing
    except ImportError:
        return False
    return tp is typing.ClassVar or getattr(tp, "__origin__", None) is typing.ClassVar


def _is_initvar(tp):
    if isinstance(tp, str):
        return tp.startswith(("InitVar", "dataclasses.InitVar"))
    return tp is InitVar or isinstance(tp, InitVar)


def _is_kw_only(tp):
    if isinstance(tp, str):
        return tp in ("KW_ONLY", "dataclasses.KW_ONLY")
    return tp is KW_ONLY


def _get_field(cls, name, tp, kw_only):
    default = cls.__dict__.get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = tp
    f._field_type = _FIELD
    if _is_classvar(tp):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(tp):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f"field {name} cannot have a default factory")
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError(f"field {name} is a ClassVar but specifies kw_only")
    if (
        f._field_type is _FIELD
        and f.default is not MISSING
        and getattr(f.default.__class__, "__hash__", None) is None
    ):
        raise ValueError(
            f"mutable default {type(f.default)} for field {name} is not allowed: use default_factory"
        )
    return f


def _compile(cls, name, params, body, ns):
    """Defines method `name(params)` with `body` (lines), its names
    looked up in `ns`, with the qualified name CLASS.name."""
    lines = [f"class {cls.__name__}:", f"  def {name}({', '.join(params)}):"]
    lines += ["    " + line for line in body] or ["    pass"]
    src = "\n".join(lines) + "\n"
    local = {}
    exec(src, ns, local)
    fn = local[cls.__name__].__dict__[name]
    fn.__qualname__ = f"{cls.__qualname__}.{name}"
    return fn


def _set_new(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _init_fn(cls, flds, std_init, kw_init, frozen, has_post_init, self_name):
    seen_default = False
    for f in std_init:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")
    ns = {"__dataclass_object__": object, "__dataclass_HAS_DEFAULT_FACTORY__": _HAS_DEFAULT_FACTORY}
    params = [self_name]

    def param(f):
        if f.default is not MISSING:
            ns[f"__dataclass_dflt_{f.name}__"] = f.default
            return f"{f.name}=__dataclass_dflt_{f.name}__"
        if f.default_factory is not MISSING:
            return f"{f.name}=__dataclass_HAS_DEFAULT_FACTORY__"
        return f.name

    for f in std_init:
        params.append(param(f))
    if kw_init:
        params.append("*")
        for f in kw_init:
            params.append(param(f))
    body = []
    for f in flds:
        value = None
        if f.default_factory is not MISSING:
            ns[f"__dataclass_dflt_{f.name}__"] = f.default_factory
            if f.init:
                value = (
                    f"__dataclass_dflt_{f.name}__() "
                    f"if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ else {f.name}"
                )
            else:
                value = f"__dataclass_dflt_{f.name}__()"
        elif f.init:
            value = f.name
        elif f.default is not MISSING:
            ns[f"__dataclass_dflt_{f.name}__"] = f.default
            value = f"__dataclass_dflt_{f.name}__"
        if value is None or f._field_type is _FIELD_INITVAR:
            continue
        if frozen:
            body.append(f"__dataclass_object__.__setattr__({self_name}, {f.name!r}, {value})")
        else:
            body.append(f"{self_name}.{f.name} = {value}")
    if has_post_init:
        initvars = [f.name for f in flds if f._field_type is _FIELD_INITVAR]
        body.append(f"{self_name}.__post_init__({', '.join(initvars)})")
    return _compile(cls, "__init__", params, body, ns)


_repr_running = set()


def _repr_fn(cls, flds):
    names = [f.name for f in flds if f.repr]

    def __repr__(self):
        key = (id(self), _current_thread())
        if key in _repr_running:
            return "..."
        _repr_running.add(key)
        try:
            inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in names)
        finally:
            _repr_running.discard(key)
        return f"{self.__class__.__qualname__}({inner})"

    __repr__.__qualname__ = f"{cls.__qualname__}.__repr__"
    return __repr__


def _current_thread():
    return 0


def _tuple_of(self, names):
    return tuple(getattr(self, n) for n in names)


def _cmp_fn(cls, name, op, names):
    def cmp(self, other):
        if other.__class__ is self.__class__:
            a = _tuple_of(self, names)
            b = _tuple_of(other, names)
            if op == "==":
                return a == b
            if op == "<":
                return a < b
            if op == "<=":
                return a <= b
            if op == ">":
                return a > b
            return a >= b
        return NotImplemented

    cmp.__name__ = name
    cmp.__qualname__ = f"{cls.__qualname__}.{name}"
    return cmp


def _hash_fn(cls, names):
    def __hash__(self):
        return hash(_tuple_of(self, names))

    __hash__.__qualname__ = f"{cls.__qualname__}.__hash__"
    return __hash__


def _frozen_fns(cls, flds):
    names = tuple(f.name for f in flds)

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    __setattr__.__qualname__ = f"{cls.__qualname__}.__setattr__"
    __delattr__.__qualname__ = f"{cls.__qualname__}.__delattr__"
    return __setattr__, __delattr__


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots):
    fields_ = {}
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get("__dataclass_fields__")
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields_[f.name] = f
            if b.__dict__["__dataclass_params__"].frozen:
                any_frozen_base = True

    ann = cls.__dict__.get("__annotations__", {})
    own = []
    kw = kw_only
    for name, tp in ann.items():
        if _is_kw_only(tp):
            kw = True
            continue
        own.append(_get_field(cls, name, tp, kw))
    for f in own:
        fields_[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in ann:
            raise TypeError(f"{name!r} is a field but has no type annotation")

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")

    cls.__dataclass_fields__ = fields_
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen)

    class_hash = cls.__dict__.get("__hash__", MISSING)
    has_explicit_hash = not (
        class_hash is MISSING or (class_hash is None and "__eq__" in cls.__dict__)
    )

    all_init = [f for f in fields_.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    flds = [f for f in fields_.values() if f._field_type is _FIELD]
    std_init = [f for f in all_init if f.init and not f.kw_only]
    kw_init = [f for f in all_init if f.init and f.kw_only]

    if init:
        has_post_init = hasattr(cls, "__post_init__")
        self_name = "__dataclass_self__" if "self" in fields_ else "self"
        _set_new(cls, "__init__", _init_fn(cls, all_init, std_init, kw_init, frozen, has_post_init, self_name))
    if repr:
        _set_new(cls, "__repr__", _repr_fn(cls, flds))
    compare = [f.name for f in flds if f.compare]
    if eq:
        _set_new(cls, "__eq__", _cmp_fn(cls, "__eq__", "==", compare))
    if order:
        if not eq:
            raise ValueError("eq must be true if order is true")
        for name, op in [("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")]:
            if _set_new(cls, name, _cmp_fn(cls, name, op, compare)):
                raise TypeError(
                    f"Cannot overwrite attribute {name} in class {cls.__name__}. "
                    "Consider using functools.total_ordering"
                )
    if frozen:
        setter, deleter = _frozen_fns(cls, flds)
        for name, fn in [("__setattr__", setter), ("__delattr__", deleter)]:
            if _set_new(cls, name, fn):
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}")

    hash_names = [f.name for f in flds if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError(f"Cannot overwrite attribute __hash__ in class {cls.__name__}")
        cls.__hash__ = _hash_fn(cls, hash_names)
    elif eq and frozen:
        if not has_explicit_hash:
            cls.__hash__ = _hash_fn(cls, hash_names)
    elif eq:
        if not has_explicit_hash:
            cls.__hash__ = None

    if not getattr(cls, "__doc__", None):
        try:
            sig = ", ".join(
                f"{f.name}: {getattr(f.type, '__name__', f.type)}" for f in all_init
            )
            cls.__doc__ = f"{cls.__name__}({sig})"
        except (TypeError, ValueError):
            pass

    if match_args:
        _set_new(cls, "__match_args__", tuple(f.name for f in std_init))

    if slots:
        cls = _add_slots(cls, flds)
    return cls


def _add_slots(cls, flds):
    d = dict(cls.__dict__)
    names = tuple(f.name for f in flds)
    d["__slots__"] = names
    for n in names:
        d.pop(n, None)
    d.pop("__dict__", None)
    d.pop("__weakref__", None)
    qualname = getattr(cls, "__qualname__", None)
    new = type(cls)(cls.__name__, cls.__bases__, d)
    if qualname is not None:
        new.__qualname__ = qualname
    return new


def dataclass(
    cls=None,
    *,
    init=True,
    repr=True,
    eq=True,
    order=False,
    unsafe_hash=False,
    frozen=False,
    match_args=True,
    kw_only=False,
    slots=False,
    weakref_slot=False,
):
    def wrap(cls):
        return _process_class(
            cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots
        )

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fs = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in fs.values() if f._field_type is _FIELD)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")


def _is_dataclass_instance(obj):
    return hasattr(type(obj), "__dataclass_fields__")


def _copy(obj):
    try:
        import copy
    except ImportError:
        return obj
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory(
            [(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)]
        )
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)(
            (_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items()
        )
    return _copy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)(
            (_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory)) for k, v in obj.items()
        )
    return _copy(obj)


def replace(obj, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in obj.__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(
                    f"field {f.name} is declared with init=False, it cannot be specified with replace()"
                )
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kw):
    ns = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, "typing.Any"
        elif len(item) == 2:
            name, tp = item
        else:
            name, tp, spec = item
            ns[name] = spec
        annotations[name] = tp
    ns["__annotations__"] = annotations
    cls = type(cls_name, bases, ns)
    return dataclass(cls, **kw)
