"""Sample ids are derived from fixed names, so loading twice is noticed, not duplicated."""

_NAMESPACE = "6f1c1c55-7f0e-4c1e-9a8e-2a2f1d7b0c01"
SAMPLE_ORGANISER_NAME = "Norrviks kommun"


# sample_id("organiser") spelled out: looking for the sample at start-up then needs no
# uuid5, whose hashlib loads OpenSSL (~8 ms of a start). A test keeps the two equal.
SAMPLE_ORGANISER_ID = "7dd09fb53bfb57648b802d453b18ffbe"


def sample_id(name: str) -> str:
    import uuid  # here, not at start-up (see SAMPLE_ORGANISER_ID)
    return uuid.uuid5(uuid.UUID(_NAMESPACE), name).hex
