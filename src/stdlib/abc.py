"""abc: abstract base classes (Python source shipped in framevm).

framevm has no metaclasses yet, so ABC does the work of CPython's
ABCMeta in two hooks: `__init_subclass__` records the names of a new
class's abstract methods in `__abstractmethods__`, and `__new__` refuses
to instantiate a class that has any, with CPython's message. `register`
records a virtual subclass but isinstance()/issubclass() do not consult
it (that needs ABCMeta.__instancecheck__)."""

__all__ = ['ABC', 'ABCMeta', 'abstractmethod', 'abstractclassmethod',
           'abstractstaticmethod', 'abstractproperty', 'get_cache_token',
           'update_abstractmethods']


def abstractmethod(funcobj):
    """A decorator marking a method abstract: a class that has it without
    overriding it cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    if isinstance(value, property):
        return any(_is_abstract(f) for f in (value.fget, value.fset, value.fdel)
                   if f is not None)
    if isinstance(value, (classmethod, staticmethod)):
        value = value.__func__
    return getattr(value, '__isabstractmethod__', False) is True


class abstractclassmethod(classmethod):
    """A classmethod that is abstract (deprecated: use classmethod over
    abstractmethod)."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """A staticmethod that is abstract (deprecated: use staticmethod over
    abstractmethod)."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """A property that is abstract (deprecated: use property over
    abstractmethod)."""
    __isabstractmethod__ = True


_cache_token = 0


def get_cache_token():
    """A token that changes whenever a virtual subclass is registered."""
    return _cache_token


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ (after methods were added to or
    removed from the class after its creation)."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC:
    """Helper class whose subclasses are abstract base classes: their
    abstract methods must be overridden before they can be instantiated."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.__abstractmethods__ = frozenset()
        update_abstractmethods(cls)
        cls._abc_registry = []

    def __new__(cls, *args, **kwargs):
        abstracts = cls.__dict__.get('__abstractmethods__')
        if abstracts is None:
            abstracts = getattr(cls, '__abstractmethods__', ())
        if abstracts:
            names = sorted(abstracts)
            raise TypeError("Can't instantiate abstract class %s with abstract "
                            "method%s %s" % (cls.__name__,
                                             's' if len(names) > 1 else '',
                                             ', '.join(names)))
        return object.__new__(cls)

    @classmethod
    def register(cls, subclass):
        """Register a virtual subclass (recorded only: see the module
        docstring)."""
        global _cache_token
        if not isinstance(subclass, type):
            raise TypeError('Can only register classes')
        cls._abc_registry.append(subclass)
        _cache_token += 1
        return subclass


# Until framevm has metaclasses, ABCMeta is a name for code that spells
# `metaclass=ABCMeta`; it is not the type of ABC's subclasses.
class ABCMeta(type):
    """Metaclass for defining abstract base classes (a placeholder in
    framevm: inherit from ABC instead)."""
