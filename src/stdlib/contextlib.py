"""contextlib: utilities for with-statement contexts (Python source
shipped in framevm)."""

import sys
from abc import ABC, abstractmethod

__all__ = ["contextmanager", "closing", "nullcontext", "AbstractContextManager",
           "ContextDecorator", "ExitStack", "redirect_stdout",
           "redirect_stderr", "suppress", "aclosing", "asynccontextmanager",
           "AbstractAsyncContextManager", "AsyncExitStack"]


class AbstractContextManager(ABC):
    """An abstract base class for context managers: __enter__ returns
    self, __exit__ must be defined."""

    def __enter__(self):
        return self

    @abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        return None


class AbstractAsyncContextManager(ABC):
    """An abstract base class for asynchronous context managers."""

    async def __aenter__(self):
        return self

    @abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        return None


class ContextDecorator:
    """A base class that makes a context manager usable as a decorator:
    the decorated function runs inside the context."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        _copy_names(inner, func)
        return inner


def _copy_names(wrapper, wrapped):
    for attr in ('__module__', '__name__', '__qualname__', '__doc__'):
        try:
            setattr(wrapper, attr, getattr(wrapped, attr))
        except AttributeError:
            pass
    wrapper.__wrapped__ = wrapped


class _GeneratorContextManager(ContextDecorator, AbstractContextManager):
    # The context of one call of a @contextmanager generator function.

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds

    def _recreate_cm(self):
        # A decorator runs the generator function anew for each call.
        return self.__class__(self.func, self.args, self.kwds)

    def __enter__(self):
        # The arguments are not needed again once the generator runs.
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            # The generator caught the exception and finished: suppress
            # it, unless it was a StopIteration raised in the block.
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            # A StopIteration from the block that the generator let
            # through comes back as a RuntimeError caused by it.
            if isinstance(value, StopIteration) and exc.__cause__ is value:
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    """@contextmanager decorator: a generator function that yields once
    becomes a context manager factory; the code before the yield is
    __enter__, the code after it is __exit__, and an exception in the
    block is raised at the yield."""
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    _copy_names(helper, func)
    return helper


class _AsyncGeneratorContextManager(AbstractAsyncContextManager):

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)

    async def __aenter__(self):
        try:
            return await self.gen.__anext__()
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await self.gen.__anext__()
            except StopAsyncIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(value)
        except StopAsyncIteration as exc:
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            if isinstance(value, (StopIteration, StopAsyncIteration)) and exc.__cause__ is value:
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        raise RuntimeError("generator didn't stop after athrow()")


def asynccontextmanager(func):
    """@asynccontextmanager: as @contextmanager, for an async generator
    function and `async with`."""
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    _copy_names(helper, func)
    return helper


class closing(AbstractContextManager):
    """A context whose exit calls thing.close()."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """An async context whose exit awaits thing.aclose()."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """A context that does nothing; entering it gives enter_result."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class _RedirectStream(AbstractContextManager):
    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """A context that makes sys.stdout new_target while it runs."""
    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """A context that makes sys.stderr new_target while it runs."""
    _stream = "stderr"


class suppress(AbstractContextManager):
    """A context that suppresses the given exception types (and their
    subclasses) raised in its block."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


def _not_cm(cm, what):
    return TypeError("'%s.%s' object does not support the %s"
                     % (type(cm).__module__, type(cm).__qualname__, what))


class ExitStack(AbstractContextManager):
    """A stack of exit callbacks: context managers entered with
    enter_context, exit methods given to push, and plain callbacks; all
    run, last first, when the stack closes."""

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        """Move the callbacks to a new ExitStack and return it."""
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        """Add an exit callback with the signature of __exit__ (or an
        object with an __exit__ method); returns exit."""
        exit_method = getattr(type(exit), '__exit__', None)
        if exit_method is None:
            self._exit_callbacks.append(exit)
        else:
            self._exit_callbacks.append(_Bound(exit_method, exit))
        return exit

    def enter_context(self, cm):
        """Enter cm and push its __exit__; returns what __enter__ gave."""
        cls = type(cm)
        try:
            enter = cls.__enter__
            exit = cls.__exit__
        except AttributeError:
            raise _not_cm(cm, 'context manager protocol') from None
        result = enter(cm)
        self._exit_callbacks.append(_Bound(exit, cm))
        return result

    def callback(self, callback, /, *args, **kwds):
        """Push callback(*args, **kwds), run whatever the exception;
        returns callback."""

        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append(_exit_wrapper)
        return callback

    def close(self):
        """Unwind the stack now."""
        self.__exit__(None, None, None)

    def __exit__(self, *exc_details):
        received = exc_details[0] is not None
        suppressed = False
        pending = None
        while self._exit_callbacks:
            cb = self._exit_callbacks.pop()
            try:
                if cb(*exc_details):
                    suppressed = True
                    pending = None
                    exc_details = (None, None, None)
            except BaseException as exc:
                # The newest exception goes on, with the one it replaced
                # as its context.
                old = exc_details[1]
                if old is not None and exc is not old and exc.__context__ is None:
                    exc.__context__ = old
                pending = exc
                exc_details = (type(exc), exc, getattr(exc, '__traceback__', None))
        if pending is not None:
            raise pending
        return received and suppressed


class _Bound:
    # An exit method bound to its context manager.
    __slots__ = ('func', 'obj')

    def __init__(self, func, obj):
        self.func = func
        self.obj = obj

    def __call__(self, *exc):
        return self.func(self.obj, *exc)


class AsyncExitStack(ExitStack):
    """ExitStack for async code: enter_async_context, push_async_exit,
    push_async_callback, and `async with`."""

    async def enter_async_context(self, cm):
        cls = type(cm)
        try:
            enter = cls.__aenter__
            exit = cls.__aexit__
        except AttributeError:
            raise _not_cm(cm, 'asynchronous context manager protocol') from None
        result = await enter(cm)
        self._exit_callbacks.append(_AsyncMark(_Bound(exit, cm)))
        return result

    def push_async_exit(self, exit):
        exit_method = getattr(type(exit), '__aexit__', None)
        if exit_method is None:
            self._exit_callbacks.append(_AsyncMark(exit))
        else:
            self._exit_callbacks.append(_AsyncMark(_Bound(exit_method, exit)))
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):

        async def _exit_wrapper(exc_type, exc, tb):
            await callback(*args, **kwds)
        self._exit_callbacks.append(_AsyncMark(_exit_wrapper))
        return callback

    async def aclose(self):
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        received = exc_details[0] is not None
        suppressed = False
        pending = None
        while self._exit_callbacks:
            cb = self._exit_callbacks.pop()
            try:
                if isinstance(cb, _AsyncMark):
                    r = await cb.cb(*exc_details)
                else:
                    r = cb(*exc_details)
                if r:
                    suppressed = True
                    pending = None
                    exc_details = (None, None, None)
            except BaseException as exc:
                old = exc_details[1]
                if old is not None and exc is not old and exc.__context__ is None:
                    exc.__context__ = old
                pending = exc
                exc_details = (type(exc), exc, getattr(exc, '__traceback__', None))
        if pending is not None:
            raise pending
        return received and suppressed


class _AsyncMark:
    __slots__ = ('cb',)

    def __init__(self, cb):
        self.cb = cb
