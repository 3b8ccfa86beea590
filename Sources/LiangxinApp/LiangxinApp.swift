// LiangxinApp
