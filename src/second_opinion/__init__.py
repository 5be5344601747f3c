"""Second Opinion: organize a medical second opinion in one encrypted local file.

The version lives here and only here; packaging, ``--version`` and the About box read it.
"""

__version__ = "0.1.0"
APP_NAME = "Second Opinion"
APP_ID = "second-opinion"
