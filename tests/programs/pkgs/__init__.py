# Helper modules for the import_* programs (not programs themselves).
