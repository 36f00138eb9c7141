from .admin_attachments import AttachmentAdmin
from .admin_pictures import PictureAdmin

__all__ = ["AttachmentAdmin", "PictureAdmin"]
