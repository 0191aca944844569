"""enum: enumerations (Python source shipped in framevm).

Enum, IntEnum, StrEnum, ReprEnum, Flag and IntFlag on the metaclass
EnumType, with auto(), unique, member/nonmember and the functional API
(`Enum('Name', 'A B C')`), behaving as CPython 3.11's do: the reprs,
str() and format(), lookup by value and by name, aliases, `_missing_`,
flag composition and the STRICT / KEEP boundaries of Flag and IntFlag.
"""

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "ReprEnum",
           "Flag", "IntFlag", "auto", "unique", "member", "nonmember",
           "FlagBoundary", "STRICT", "CONFORM", "EJECT", "KEEP",
           "global_enum", "verify", "UNIQUE", "CONTINUOUS", "NAMED_FLAGS",
           "EnumCheck", "property"]

_builtin_property = property


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == "__"
            and name[2] != "_" and name[-3] != "_")


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == "_"
            and name[1] != "_" and name[-2] != "_")


def _is_private(cls_name, name):
    prefix = "_%s__" % cls_name.lstrip("_")
    return (name.startswith(prefix) and len(name) > len(prefix)
            and not name.endswith("__"))


def _is_descriptor(obj):
    if isinstance(obj, (_builtin_property, staticmethod, classmethod)):
        return True
    if type(obj).__name__ == "function":
        return True
    t = type(obj)
    return (hasattr(t, "__get__") or hasattr(t, "__set__")
            or hasattr(t, "__delete__"))


def _bits_lsb(n):
    while n:
        low = n & -n
        yield low
        n ^= low


def _is_single_bit(n):
    return n != 0 and n & (n - 1) == 0


def _bin(n, width=None):
    """bin() with a sign bit, as CPython's enum shows flag values."""
    if n < 0:
        digits = bin(~n)[2:]
        text = "0b1" + "".join("1" if d == "0" else "0" for d in digits)
    else:
        text = "0b0" + bin(n)[2:]
    if width is not None:
        text = text[:3] + " " + text[3:].rjust(width, text[2])
    return text


class _AutoNull:
    def __repr__(self):
        return "_auto_null"


_auto_null = _AutoNull()


class auto:
    """A member value filled in by the class's _generate_next_value_."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


class member:
    """Makes a value a member even where it would not be one."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keeps a value out of the members."""

    def __init__(self, value):
        self.value = value


property = _builtin_property


class _EnumDict(dict):
    """The class body's namespace: it records the members in order and
    fills in auto() values."""

    def __init__(self, cls_name):
        super().__init__()
        self._cls_name = cls_name
        self._member_names = []
        self._last_values = []
        self._ignore = []
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if _is_private(self._cls_name, key):
            pass
        elif _is_sunder(key):
            if key == "_ignore_":
                if isinstance(value, str):
                    value = value.replace(",", " ").split()
                else:
                    value = list(value)
                self._ignore = value
                clash = set(value) & set(self._member_names)
                if clash:
                    raise ValueError("_ignore_ cannot specify already set "
                                     "names: %r" % (clash,))
            elif key == "_generate_next_value_":
                if isinstance(value, staticmethod):
                    value = value.__func__
                self._generate_next_value = value
            elif key == "_order_":
                pass
            elif key not in ("_missing_", "_numeric_repr_", "_iter_member_",
                             "_iter_member_by_value_", "_iter_member_by_def_",
                             "_add_alias_", "_add_value_alias_"):
                raise ValueError("_sunder_ names, such as %r, are reserved "
                                 "for future Enum use" % key)
        elif _is_dunder(key):
            if key == "__order__":
                key = "_order_"
        elif key in self._member_names:
            raise TypeError("%r already defined as %r" % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif not isinstance(value, member) and _is_descriptor(value):
            pass
        else:
            if key in self:
                raise TypeError("%r already defined as %r" % (key, self[key]))
            if isinstance(value, member):
                value = value.value
            if isinstance(value, auto):
                value = self._auto_value(key, value)
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(self._auto_value(key, v) if isinstance(v, auto) else v
                              for v in value)
            self._member_names.append(key)
            self._last_values.append(value)
        super().__setitem__(key, value)

    def _auto_value(self, key, a):
        if a.value is _auto_null:
            gen = self._generate_next_value or Enum._generate_next_value_
            a.value = gen(key, 1, len(self._member_names), self._last_values[:])
        return a.value


class EnumType(type):
    """The metaclass of the enumerations."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        metacls._check_for_existing_members_(cls, bases)
        d = _EnumDict(cls)
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if first_enum is not None:
            gen = getattr(first_enum, "_generate_next_value_", None)
            if gen is not None:
                d._generate_next_value = gen
        return d

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if not isinstance(classdict, _EnumDict):
            # type(name, bases, dict) or a plain dict from a subclass
            plain = classdict
            classdict = _EnumDict(cls)
            for k, v in plain.items():
                classdict[k] = v
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        names = list(classdict._member_names)
        members = {k: dict.__getitem__(classdict, k) for k in names}
        body = {}
        for k, v in dict.items(classdict):
            if k not in members:
                body[k] = v
        for k in classdict._ignore:
            body.pop(k, None)
        body.pop("_ignore_", None)
        user_new = body.get("__new__") if Enum is not None else None
        if isinstance(user_new, staticmethod):
            user_new = user_new.__func__
        if user_new is None and first_enum is not None:
            user_new = getattr(first_enum, "_user_new_", None)
        if user_new is not None:
            new_member = user_new
        elif member_type is object:
            new_member = None
        else:
            new_member = member_type.__new__
        body["_member_names_"] = []
        body["_member_map_"] = {}
        body["_value2member_map_"] = {}
        body["_unhashable_values_"] = []
        body["_member_type_"] = member_type
        if boundary is None and first_enum is not None:
            boundary = getattr(first_enum, "_boundary_", None)
        body["_boundary_"] = boundary
        if Enum is not None and "__new__" in body:
            # members are made by it; calling the class looks values up
            del body["__new__"]
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        if Enum is not None:
            # calling the class looks a value up, whatever made the members
            type.__setattr__(enum_class, "__new__", Enum.__dict__["__new__"])
        if user_new is not None:
            type.__setattr__(enum_class, "_user_new_", staticmethod(user_new))
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        flag_mask = 0
        single_mask = 0
        for name in names:
            value = members[name]
            args = value if isinstance(value, tuple) else (value,)
            if member_type is tuple:
                args = (args,)
            if new_member is None:
                m = object.__new__(enum_class)
                if not hasattr(m, "_value_"):
                    m._value_ = value
            else:
                m = new_member(enum_class, *args)
                if not hasattr(m, "_value_"):
                    if member_type is object:
                        m._value_ = value
                    else:
                        try:
                            m._value_ = member_type(*args)
                        except Exception as e:
                            raise TypeError("_value_ not set in __new__, "
                                            "unable to create it") from None
            mvalue = m._value_
            m._name_ = name
            m.__objclass__ = enum_class
            m.__init__(*args)
            m._sort_order_ = len(enum_class._member_names_)
            canonical = None
            for other in enum_class._member_map_.values():
                if other._value_ == mvalue:
                    canonical = other
                    break
            if canonical is not None:
                m = canonical
            elif is_flag and not _is_single_bit(mvalue) and mvalue != 0:
                # a named combination of flags: an alias, not iterated
                pass
            else:
                enum_class._member_names_.append(name)
            if is_flag and isinstance(mvalue, int):
                flag_mask |= mvalue
                if _is_single_bit(mvalue):
                    single_mask |= mvalue
            enum_class._member_map_[name] = m
            try:
                enum_class._value2member_map_.setdefault(mvalue, m)
            except TypeError:
                enum_class._unhashable_values_.append(mvalue)
            type.__setattr__(enum_class, name, m)
        if is_flag:
            enum_class._flag_mask_ = flag_mask
            enum_class._singles_mask_ = single_mask
            enum_class._all_bits_ = 2 ** flag_mask.bit_length() - 1
            values = [enum_class._member_map_[n]._value_ for n in enum_class._member_names_]
            if values != sorted(values):
                enum_class._iter_member_ = enum_class._iter_member_by_def_
        return enum_class

    def __bool__(cls):
        return True

    def __call__(cls, value, names=None, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname,
                            type=type, start=start, boundary=boundary)

    def __contains__(cls, obj):
        if not isinstance(obj, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(obj).__qualname__, cls.__class__.__qualname__))
        return isinstance(obj, cls) and obj._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)

    def __dir__(cls):
        names = set(["__class__", "__doc__", "__members__", "__module__"])
        names.update(cls._member_names_)
        for k in cls.__dict__:
            if not k.startswith("_"):
                names.add(k)
        return sorted(names)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    @_builtin_property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get("_member_map_", {})
        if name in member_map:
            raise AttributeError("cannot reassign member %r" % (name,))
        super().__setattr__(name, value)

    def _create_(cls, class_name, names, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        _, first_enum = cls._get_mixins_(class_name, bases)
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original, names = names, []
            last = []
            for count, name in enumerate(original):
                value = first_enum._generate_next_value_(name, start, count, last[:])
                last.append(value)
                names.append((name, value))
        if isinstance(names, dict):
            names = list(names.items())
        for item in names:
            if isinstance(item, str):
                name, value = item, names[item]
            else:
                name, value = item
            classdict[name] = value
        if module is None:
            module = "__main__"
        classdict["__module__"] = module
        if qualname is not None:
            classdict["__qualname__"] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    @classmethod
    def _check_for_existing_members_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError("<enum %r> cannot extend %r"
                                    % (class_name, base))

    @classmethod
    def _get_mixins_(mcls, class_name, bases):
        if not bases:
            return object, Enum
        last = bases[-1]
        if not isinstance(last, EnumType):
            raise TypeError("new enumerations should be created as "
                            "`EnumName([mixin_type, ...] [data_type,] enum_type)`")
        member_type = mcls._find_data_type_(class_name, bases) or object
        return member_type, last

    @classmethod
    def _find_data_type_(mcls, class_name, bases):
        found = []
        for chain in bases:
            candidate = None
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        found.append(base._member_type_)
                        break
                elif "__new__" in base.__dict__ or base in (int, str, float, tuple, bytes, complex):
                    if isinstance(base, EnumType):
                        continue
                    found.append(candidate or base)
                    break
                else:
                    candidate = candidate or base
        if len(set(found)) > 1:
            raise TypeError("too many data types for %r: %r" % (class_name, set(found)))
        return found[0] if found else None


EnumMeta = EnumType
Enum = None
Flag = None


class Enum(metaclass=EnumType):
    """An enumeration: its members are its instances, one per name."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        exc = None
        try:
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        if isinstance(result, cls):
            return result
        if Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT:
            if isinstance(result, int):
                return result
        ve = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if result is None and exc is None:
            raise ve
        if exc is None:
            exc = TypeError("error in %s._missing_: returned %r instead of None "
                            "or a valid member" % (cls.__name__, result))
        if not isinstance(exc, ValueError):
            exc.__context__ = ve
        raise exc

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            last = last_values[-1]
            return last + 1
        except TypeError:
            raise TypeError("unable to sort non-numeric values") from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __dir__(self):
        names = set(["__class__", "__doc__", "__eq__", "__hash__", "__module__",
                     "name", "value"])
        for k in type(self).__dict__:
            if not k.startswith("_"):
                names.add(k)
        return sorted(names)

    def __hash__(self):
        # a data type's members hash as their values (so a str enum finds
        # its strs in a dict); the others by name
        if self._member_type_ is not object:
            return hash(self._value_)
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @_builtin_property
    def name(self):
        """The name of the member."""
        return self._name_

    @_builtin_property
    def value(self):
        """The value of the member."""
        return self._value_


class ReprEnum(Enum):
    """An enum whose str() and format() are those of its data type (and
    whose members compare and hash as their values)."""

    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    def __eq__(self, other):
        return self._value_ == other

    def __ne__(self, other):
        return self._value_ != other

    def __hash__(self):
        return hash(self._value_)


class IntEnum(int, ReprEnum):
    """An enum whose members are ints."""


class StrEnum(str, ReprEnum):
    """An enum whose members are strs; auto() gives the lower-case name."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError("too many arguments for str(): %r" % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError("%r is not a string" % (values[0],))
        value = str(*values)
        m = str.__new__(cls, value)
        m._value_ = value
        return m

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary(Enum):
    """What Flag(value) does with bits no member has."""
    STRICT = 1
    CONFORM = 2
    EJECT = 3
    KEEP = 4


STRICT = FlagBoundary.STRICT
CONFORM = FlagBoundary.CONFORM
EJECT = FlagBoundary.EJECT
KEEP = FlagBoundary.KEEP


class Flag(Enum, boundary=STRICT):
    """An enum of bit flags, combined with | & ^ ~."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = max(last_values)
        try:
            high = last.bit_length()
        except Exception:
            raise TypeError("invalid flag value %r" % last) from None
        return 2 ** high

    @classmethod
    def _iter_member_by_value_(cls, value):
        for bit in _bits_lsb(value & cls._flag_mask_):
            m = cls._value2member_map_.get(bit)
            if m is not None:
                yield m

    _iter_member_ = _iter_member_by_value_

    @classmethod
    def _iter_member_by_def_(cls, value):
        members = sorted(cls._iter_member_by_value_(value), key=lambda m: m._sort_order_)
        yield from members

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        singles = cls._singles_mask_
        all_bits = cls._all_bits_
        neg = value < 0
        if neg:
            value = all_bits + 1 + value
        boundary = cls._boundary_
        if value < 0 or value & ~flag_mask:
            if boundary is STRICT:
                width = max(all_bits.bit_length(), value.bit_length())
                raise ValueError("%r invalid value %r\n    given %s\n  allowed %s"
                                 % (cls, value if not neg else value - all_bits - 1,
                                    _bin(value, width), _bin(flag_mask, width)))
            if boundary is CONFORM:
                value &= flag_mask
            elif boundary is EJECT:
                return value
        unknown = value & ~flag_mask
        known = value & flag_mask
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo, "_value_"):
            pseudo._value_ = value
        if known:
            parts = [m._name_ for m in cls._iter_member_(known)]
            if unknown:
                parts.append(repr(unknown))
            pseudo._name_ = "|".join(parts)
        else:
            pseudo._name_ = None
        pseudo._sort_order_ = -1
        return cls._value2member_map_.setdefault(value, pseudo)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        yield from self._iter_member_(self._value_)

    def __len__(self):
        return bin(self._value_).count("1")

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return "<%s: %r>" % (cls_name, self._value_)
        return "<%s.%s: %r>" % (cls_name, self._name_, self._value_)

    def __str__(self):
        if self._name_ is None:
            return "%s(%r)" % (self.__class__.__name__, self._value_)
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return NotImplemented

    def __or__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | v)

    def __and__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & v)

    def __xor__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ v)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        if self._boundary_ in (EJECT, KEEP):
            return self.__class__(~self._value_)
        return self.__class__(self._singles_mask_ & ~self._value_)


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """A Flag whose members are ints."""


def unique(enumeration):
    """Class decorator: ValueError if two names share a value."""
    dups = []
    for name, m in enumeration.__members__.items():
        if name != m._name_:
            dups.append((name, m._name_))
    if dups:
        text = ", ".join("%s -> %s" % (alias, name) for alias, name in dups)
        raise ValueError("duplicate values found in %r: %s" % (enumeration, text))
    return enumeration


class EnumCheck(Enum):
    """The checks verify() can make."""
    CONTINUOUS = "no skipped integer values"
    NAMED_FLAGS = "multi-flag aliases may not contain unnamed flags"
    UNIQUE = "one name per value"


CONTINUOUS = EnumCheck.CONTINUOUS
NAMED_FLAGS = EnumCheck.NAMED_FLAGS
UNIQUE = EnumCheck.UNIQUE


class verify:
    """Class decorator checking an enumeration (UNIQUE, CONTINUOUS)."""

    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        for check in self.checks:
            if check is UNIQUE:
                unique(enumeration)
            elif check is CONTINUOUS:
                values = sorted(set(m._value_ for m in enumeration))
                if values:
                    missing = [v for v in range(values[0], values[-1] + 1)
                               if v not in values]
                    if missing:
                        raise ValueError("invalid enum %r: missing values %s"
                                         % (enumeration.__name__,
                                            ", ".join(str(v) for v in missing)))
        return enumeration


def global_enum(cls):
    """Class decorator: the members become names of the defining module."""
    import sys
    module = sys.modules.get(cls.__module__)
    if module is not None:
        for name, m in cls.__members__.items():
            setattr(module, name, m)
    return cls
