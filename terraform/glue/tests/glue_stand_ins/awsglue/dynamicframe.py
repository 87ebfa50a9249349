"""Stand-in for awsglue.dynamicframe: importable only."""


class DynamicFrame:
    pass
