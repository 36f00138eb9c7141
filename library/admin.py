from .admin_pictures import PictureAdmin

__all__ = ["PictureAdmin"]
