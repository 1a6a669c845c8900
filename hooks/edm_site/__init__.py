"""Pure building blocks of the EDM microsite's build hooks.

The MkDocs event modules in ``hooks/`` only route; everything they call lives here and can be
tested without MkDocs.
"""
