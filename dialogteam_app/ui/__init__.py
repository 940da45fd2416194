"""Qt widgets. Views talk to the store through repositories, never SQL."""

from ..pyside_import_scan import skip_feature_scan

skip_feature_scan()
